#!/usr/bin/env python3
"""Time from spawn to the first frame of dossier, in a pty of 80x24.

Usage: scripts/first_frame.py BINARY RUNS CORPUS|- TEXT...
Each TEXT is waited for in what dossier writes (a title on the first frame, "Loading" for the
progress line); the median time to each over RUNS runs is printed. "-" opens the seeds.
Example: scripts/first_frame.py target/release/dossier 21 - Shanghai
"""
import os,pty,time,sys,select,fcntl,termios,struct,statistics,signal
def once(args,needles,timeout=30):
    pid,fd=pty.fork()
    if pid==0:
        os.environ['TERM']='xterm-256color'
        os.execv(args[0],args)
    fcntl.ioctl(fd,termios.TIOCSWINSZ,struct.pack('HHHH',24,80,0,0))
    t0=time.perf_counter(); buf=b''; got={}
    while len(got)<len(needles) and time.perf_counter()-t0<timeout:
        r,_,_=select.select([fd],[],[],0.5)
        if r:
            try: d=os.read(fd,65536)
            except OSError: break
            buf+=d
            for n in needles:
                if n not in got and n.encode() in buf: got[n]=time.perf_counter()-t0
    try: os.write(fd,b'q')
    except OSError: pass
    time.sleep(0.05)
    try: os.kill(pid,signal.SIGKILL)
    except ProcessLookupError: pass
    os.waitpid(pid,0); os.close(fd)
    return got
binp=sys.argv[1]; n=int(sys.argv[2]); needles=sys.argv[4:]; corpus=sys.argv[3]
args=[binp]+([corpus] if corpus!='-' else [])
res=[once(args,needles) for _ in range(n)]
for k in needles:
    v=[r[k] for r in res if k in r]
    print(k, 'median %.1f ms (n=%d) min %.1f max %.1f'%(statistics.median(v)*1000,len(v),min(v)*1000,max(v)*1000) if v else 'never')
