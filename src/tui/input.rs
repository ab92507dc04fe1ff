//! Waiting for terminal input without spinning: a level-triggered `poll` on the terminal (fd 0,
//! which crossterm reads when it is a terminal) and on a pipe that SIGWINCH writes to, so that
//! resizes wake the input thread too. A hang-up, or input that is readable but holds no bytes (the
//! end of input), means the terminal is gone.

/// Why the wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ready {
    /// Keys or a paste are waiting to be read.
    Input,
    /// The terminal changed size.
    Resize,
    /// The terminal has gone away: end the program.
    Gone,
}

/// Waits for input on the terminal.
pub struct Waiter {
    #[cfg(unix)]
    winch: Option<std::os::unix::net::UnixStream>,
}

#[cfg(unix)]
impl Waiter {
    /// A waiter on fd 0, woken by SIGWINCH as well.
    pub fn new() -> Waiter {
        let winch = std::os::unix::net::UnixStream::pair()
            .ok()
            .and_then(|(read, write)| {
                read.set_nonblocking(true).ok()?;
                signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, write)
                    .ok()?;
                Some(read)
            });
        Waiter { winch }
    }

    /// Block until there is something to read, or the terminal is gone.
    pub fn wait(&self) -> Ready {
        use std::io::Read;
        use std::os::fd::AsRawFd;
        let winch_fd = self.winch.as_ref().map_or(-1, |w| w.as_raw_fd());
        loop {
            let mut fds = [
                libc::pollfd {
                    fd: libc::STDIN_FILENO,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: winch_fd,
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            // SAFETY: `fds` is a valid array of two pollfd for the length given; a negative fd
            // is ignored by poll.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
            if n < 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Ready::Gone;
            }
            let term = fds[0].revents;
            if term & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return Ready::Gone;
            }
            if fds[1].revents & libc::POLLIN != 0 {
                if let Some(mut w) = self.winch.as_ref() {
                    let mut sink = [0u8; 64];
                    while matches!(w.read(&mut sink), Ok(k) if k > 0) {}
                }
                return Ready::Resize;
            }
            if term & libc::POLLIN != 0 {
                if pending_bytes().is_some_and(|n| n > 0) {
                    return Ready::Input;
                }
                // Readable with nothing to read is the end of input, if it lasts: just after
                // `fg` the terminal can say so for a moment, and while dossier is not the
                // foreground job it is not its input to judge.
                if !in_foreground() {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    continue;
                }
                let mut lasting = true;
                for _ in 0..5 {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                    if pending_bytes().is_some_and(|n| n > 0) {
                        return Ready::Input;
                    }
                    if !stdin_readable() {
                        lasting = false;
                        break;
                    }
                }
                if lasting {
                    return Ready::Gone;
                }
            }
        }
    }
}

/// Bytes waiting on fd 0, or None when the terminal cannot say.
#[cfg(unix)]
fn pending_bytes() -> Option<libc::c_int> {
    let mut pending: libc::c_int = 0;
    // SAFETY: FIONREAD writes one c_int through the pointer given.
    let r = unsafe { libc::ioctl(libc::STDIN_FILENO, libc::FIONREAD, &mut pending) };
    (r >= 0).then_some(pending)
}

/// fd 0 reports readable (or hung up) right now.
#[cfg(unix)]
fn stdin_readable() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no wait.
    let n = unsafe { libc::poll(&mut fd, 1, 0) };
    n > 0 && fd.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0
}

/// dossier's process group is the terminal's foreground group (or fd 0 is no terminal).
#[cfg(unix)]
fn in_foreground() -> bool {
    // SAFETY: both calls take no pointers.
    let (fg, own) = unsafe { (libc::tcgetpgrp(libc::STDIN_FILENO), libc::getpgrp()) };
    fg < 0 || fg == own
}

#[cfg(not(unix))]
impl Waiter {
    /// A waiter that lets crossterm block.
    pub fn new() -> Waiter {
        Waiter {}
    }

    /// Always ready: crossterm's own read blocks.
    pub fn wait(&self) -> Ready {
        Ready::Input
    }
}
