import ArgumentParser
import Foundation
import PathwayStore

/// Runs `pathway` and exits with the code the CLI promises: 0 fine, 1 the engine found errors,
/// 2 bad usage or an unreadable or invalid file. Every error is one sentence on stderr.
public enum PathwayMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try PathwayCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch {
            exit(report(error))
        }
    }

    /// Prints the error where it belongs and returns the exit code.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let e as StoreError:
            Console.note("Error: \(e)")
            return 2
        case let e as CLIError:
            Console.note("Error: \(e.message)")
            return e.exitCode
        case let e as ExitCode:
            return e.rawValue
        default:
            let code = PathwayCommand.exitCode(for: error)
            let message = PathwayCommand.fullMessage(for: error)
            if code == .success {
                // --help and --version: requested output, on stdout.
                if !message.isEmpty { Console.out(message + "\n") }
                return 0
            }
            if code == .validationFailure {
                Console.note(message)
                return 2
            }
            // Our own errors (project files, exchange formats…) describe themselves in one sentence.
            Console.note("Error: \(String(describing: error))")
            return 2
        }
    }
}
