import Foundation

/// The machine the figures were taken on, as the README and the JSON report it.
struct Machine {
    var cores: Int
    var cpu: String
    var memoryMB: Int
    var system: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = field("model name", in: cpuinfo) ?? field("Model", in: cpuinfo) ?? "unknown CPU"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kb = field("MemTotal", in: meminfo).flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let os = field("PRETTY_NAME", in: release, separator: "=")?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? "Linux"
        return Machine(cores: sysconf(Int32(_SC_NPROCESSORS_ONLN)), cpu: model, memoryMB: kb / 1024, system: os)
    }

    /// Peak resident memory of this process so far (VmHWM), in MB.
    /// Resident memory now (VmRSS), in MB.
    static func residentMB() -> Double? { statusMB("VmRSS") }

    static func peakResidentMB() -> Double? { statusMB("VmHWM") }

    private static func statusMB(_ name: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let text = field(name, in: status),
              let kb = Double(text.split(separator: " ").first ?? "") else { return nil }
        return kb / 1024
    }

    private static func field(_ name: String, in text: String, separator: Character = ":") -> String? {
        for line in text.split(separator: "\n") {
            guard let sep = line.firstIndex(of: separator) else { continue }
            if line[..<sep].trimmingCharacters(in: .whitespaces) == name {
                return line[line.index(after: sep)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    var summary: String { "\(cores) cores, \(cpu), \(memoryMB) MB memory, \(system)" }
}
