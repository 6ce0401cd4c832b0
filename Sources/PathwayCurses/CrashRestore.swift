import CNcursesw
import Glibc

/// Gives the terminal back when the program dies of a fatal signal: a crash (SIGSEGV, SIGILL from
/// a Swift trap …), `abort`, or SIGQUIT sent from outside. Without it the shell is left in raw
/// mode on the alternate screen, and Swift's crash report is printed as an unreadable staircase.
///
/// The handler restores the terminal, runs whatever handler was there before (Swift's
/// backtracer prints its crash report, now readable), then lets the default action end the
/// program, so the exit status still names the signal.
enum CrashRestore {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT]
    /// The handlers found at installation, by signal number; written once, before any handler runs.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()

    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers; later calls do nothing (a second install would chain to itself).
    static func install() {
        guard !installed else { return }
        installed = true
        let table = previous
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = crashHandler
            action.sa_flags = SA_SIGINFO | Int32(SA_ONSTACK)
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, table + Int(signal))
        }
    }
}

private let crashHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, context in
    // Not async-signal-safe, but the program is ending anyway; leaving the terminal unusable is worse.
    if !isendwin() {
        keypad(pd_stdscr(), false)
        curs_set(1)
        endwin()
    }
    let old = CrashRestore.previous[Int(signal)]
    // SIG_DFL is 0 and SIG_IGN is 1; anything else is a handler to run (Swift's backtracer).
    let raw = unsafeBitCast(old.__sigaction_handler, to: Int.self)
    if raw != 0 && raw != 1 {
        if old.sa_flags & SA_SIGINFO != 0 {
            old.__sigaction_handler.sa_sigaction?(signal, info, context)
        } else {
            old.__sigaction_handler.sa_handler?(signal)
        }
    }
    Glibc.signal(signal, SIG_DFL)
    // Sent by kill or abort: send it again, to be delivered (now with the default action) when
    // this handler returns. A fault happens again by itself when the instruction is retried.
    if (info?.pointee.si_code ?? 0) <= 0 { raise(signal) }
}
