import GRDB
import PathwayModel

/// The alternative labels of the competencies, by competency row id: 54,000 at ESCO scale.
///
/// Each competency's labels are gathered as UTF-8 bytes joined by newlines and become one string
/// (the form `Competency` keeps them in, `setAltLabels(joinedByNewlines:)`), not a string per
/// label; a label holding a newline of its own keeps its competency's labels apart. They need
/// nothing else to be read, so a second connection can read them while the first reads the
/// competencies themselves (`ParallelLoad`).
struct AltLabels: Sendable {
    enum Labels: Sendable {
        case joined(String)
        case separate([String])
    }

    /// Competency row ids, ascending, and each one's labels.
    private var ids: [Int64] = []
    private var labels: [Labels] = []

    static func read(_ db: Database) throws -> AltLabels {
        var result = AltLabels()
        var bytes: [UInt8] = [], starts: [Int] = [], holdsNewline = false
        bytes.reserveCapacity(1024)
        var owner = Int64.min
        func store() {
            guard !starts.isEmpty else { return }
            result.ids.append(owner)
            if holdsNewline {
                let ends = starts.dropFirst().map { $0 - 1 } + [bytes.count]
                result.labels.append(.separate(zip(starts, ends).map { String(decoding: bytes[$0..<$1], as: UTF8.self) }))
            } else {
                result.labels.append(.joined(String(decoding: bytes, as: UTF8.self)))
            }
            bytes.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            holdsNewline = false
        }
        let r = try RowCursor(db, "SELECT competency, label FROM competency_alt_label ORDER BY competency, position")
        while try r.next() {
            let id: Int64 = r[0]
            if id != owner {
                store()
                owner = id
            }
            if !starts.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            starts.append(bytes.count)
            r.withBytes(1) { label in
                if label.contains(UInt8(ascii: "\n")) { holdsNewline = true }
                bytes.append(contentsOf: label)
            }
        }
        store()
        return result
    }

    /// Gives each competency of `list` (in row id order, `byID` its keys) its labels; labels of
    /// a competency that is not there are dropped.
    consuming func attach(to list: inout [Competency], byID: KeysByID) {
        for (id, labels) in zip(ids, labels) {
            guard let i = byID.index(of: id) else { continue }
            switch labels {
            case .joined(let text): list[i].setAltLabels(joinedByNewlines: text)
            case .separate(let strings): list[i].altLabels = strings
            }
        }
    }
}
