use dossier::corpus::Corpus;
use dossier::extract::{self, Lexicon};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let c = Corpus::open(&[args[1].clone().into()]).unwrap();
    let lex = Lexicon::from_articles(&c.articles);
    let mut n = 0;
    for a in &c.articles {
        let ex = extract::extract_article(a, &lex);
        for m in &ex.mentions {
            if m.canonical == args[2] && m.scores.best().1 >= 2.0 && n < 12 {
                n += 1;
                let s = m.span.start.saturating_sub(60);
                let mut s2 = s; while !a.text.is_char_boundary(s2) { s2 += 1; }
                let e = (m.span.end + 30).min(a.text.len()); let mut e2 = e; while !a.text.is_char_boundary(e2) { e2 -= 1; }
                println!("{} {:?} | {}", a.id, m.scores.0, a.text[s2..e2].replace('\n', " "));
            }
        }
    }
}
