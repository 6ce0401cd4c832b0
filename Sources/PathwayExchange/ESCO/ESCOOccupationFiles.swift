import Foundation
import PathwayModel

/// The occupations file and the occupation–skill relations file (130,000 rows in ESCO, the
/// biggest of the download): each relation row is matched to its occupation and skill by the
/// bytes of their URIs, without making a `String` of either.
extension ESCOImporter {
    /// Occupations in file order, and their URIs numbered the same way.
    struct OccupationList {
        var occupations: [Occupation] = []
        var uris = ByteKeyTable(capacity: 256)
    }

    static func readOccupations(_ source: ImportSource) throws -> OccupationList {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["conceptUri", "preferredLabel"])
        let iscoCol = table.column("iscoGroup"), descCol = table.column("description")
        let defCol = table.column("definition")
        var lines: [String: Int] = [:]
        var result = OccupationList()
        result.occupations.reserveCapacity(table.rows.count)
        try table.withCells { cells in
            for r in table.rows {
                let uri = cells.string(r, cols[0]), title = cells.string(r, cols[1])
                guard !uri.isEmpty, !title.isEmpty else {
                    throw ImportError.line(table.file, table.line(r), "conceptUri and preferredLabel must be filled in for every occupation")
                }
                let code = lastSegment(uri)
                if let p = Codes.problem(with: code) {
                    throw ImportError.line(table.file, table.line(r), "the conceptUri \(uri) does not end in a usable identifier: \(p)")
                }
                if let first = lines[code] {
                    throw ImportError.line(table.file, table.line(r), "the occupation \(uri) is already listed on line \(first); each occupation must appear once")
                }
                lines[code] = table.line(r)
                var description = cells.string(r, descCol)
                if description.isEmpty { description = cells.string(r, defCol) }
                result.occupations.append(Occupation(code: code, uri: uri, title: title, description: description,
                                                     iscoGroup: cells.string(r, iscoCol)))
                var u = uri
                _ = u.withUTF8 { result.uris.insert($0) }
            }
        }
        return result
    }

    /// Adds each relation to its occupation's essential or optional skills; links to a skill or
    /// an occupation not in the import are counted and left out, repeated links kept once.
    static func readRelations(_ source: ImportSource, into list: inout OccupationList,
                              skills concepts: ESCOConcepts) throws -> (skills: Int, occupations: Int) {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["occupationUri", "relationType", "skillUri"])
        let skillCount = max(1, concepts.count)
        let keys = concepts.competencies.map(\.key)
        let skillURIs = concepts.uris, occupationURIs = list.uris
        var missingSkills = 0, missingOccupations = 0
        // (occupation, skill) pairs already linked, as one number each.
        var seen = Set<Int>(minimumCapacity: table.rows.count)
        // The file lists an occupation's links together: the last occupation found is tried first.
        var previous: Range<Int>?
        var previousNumber: Int?
        try table.withCells { cells in
            for r in table.rows {
                let essential: Bool
                if cells.equalsIgnoringCase(r, cols[1], "essential") {
                    essential = true
                } else if cells.equalsIgnoringCase(r, cols[1], "optional") {
                    essential = false
                } else {
                    throw ImportError.line(table.file, table.line(r), "relationType is '\(cells.string(r, cols[1]))'; it must be essential or optional")
                }
                let occupation: Int?
                if let range = cells.plainRange(r, cols[0]) {
                    if let p = previous, cells.sameBytes(p, range) {
                        occupation = previousNumber
                    } else {
                        occupation = cells.find(r, cols[0], in: occupationURIs)
                        previous = range
                        previousNumber = occupation
                    }
                } else {
                    occupation = cells.find(r, cols[0], in: occupationURIs)
                }
                guard let i = occupation else { missingOccupations += 1; continue }
                guard let s = cells.find(r, cols[2], in: skillURIs) else { missingSkills += 1; continue }
                guard seen.insert(i &* skillCount &+ s).inserted else { continue }
                if essential { list.occupations[i].essentialSkills.append(keys[s]) } else { list.occupations[i].optionalSkills.append(keys[s]) }
            }
        }
        return (missingSkills, missingOccupations)
    }
}
