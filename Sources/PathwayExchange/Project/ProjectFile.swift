import Foundation
import PathwayModel

/// The project file: a whole document (or part of one) as versioned JSON that people can read,
/// write by hand, review and keep in git. The sample data is written in it, and `pathway import
/// project` / `export project` read and write it. The format is described in
/// `docs/project-format.md`.
public enum ProjectFile {
    public static let formatName = "pathway-designer-project"
    public static let currentVersion = 1

    /// Decodes one project file. `source` is the file name used in error messages.
    ///
    /// Everything the file refers to must be in the file; use `loadAll` for documents split
    /// over several files.
    public static func decode(_ data: Data, source: String) throws -> Catalog {
        let project = try ProjectDecoder.decode(Array(data), source: source)
        try resolve(project.references, in: project.catalog, file: source, scope: "this file")
        try checkIntegrity(project.catalog, file: source)
        return project.catalog
    }

    /// Deterministic, pretty-printed, sorted, diff-friendly JSON (same catalog → same bytes), ending in "\n".
    public static func encode(_ catalog: Catalog) -> Data {
        Data(JSONWriter.bytes(ProjectEncoder.encode(catalog), layout: .compact(lineWidth: 100)))
    }

    /// Decodes several files and merges them into one catalog; the same code defined twice is an
    /// error naming both files. References may cross files. Review comments keep their ids
    /// unless an earlier file already used one; such a comment gets the next free id.
    public static func loadAll(_ urls: [URL]) throws -> Catalog {
        var merged = Catalog()
        var origins: [String: (file: String, path: String)] = [:]
        var decoded: [DecodedProject] = []
        for url in urls {
            let name = url.lastPathComponent
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ProjectFileError(file: url.path, path: "$",
                                       message: "the file cannot be read (\(error.localizedDescription)); check that it exists and is readable")
            }
            var project = try ProjectDecoder.decode(Array(data), source: name)
            for (label, path) in project.origins.sorted(by: { $0.key < $1.key }) where !label.hasPrefix("comment ") {
                if let first = origins[label] {
                    throw ProjectFileError(file: name, path: path,
                                           message: "\(label) is defined both here and in \(first.file) (\(first.path)); keep one")
                }
                origins[label] = (name, path)
            }
            for c in project.catalog.commentList {
                var comment = c
                if merged.comments[c.id] != nil { comment.id = merged.nextCommentID }
                merged.comments[comment.id] = comment
            }
            project.catalog.comments = [:]
            merged.frameworks.merge(project.catalog.frameworks) { a, _ in a }
            merged.competencies.merge(project.catalog.competencies) { a, _ in a }
            merged.credentials.merge(project.catalog.credentials) { a, _ in a }
            merged.pathways.merge(project.catalog.pathways) { a, _ in a }
            merged.learners.merge(project.catalog.learners) { a, _ in a }
            merged.occupations.merge(project.catalog.occupations) { a, _ in a }
            decoded.append(project)
        }
        for project in decoded {
            try resolve(project.references, in: merged, file: project.source, scope: "any of the files")
        }
        try checkIntegrity(merged, file: urls.map(\.lastPathComponent).joined(separator: ", "))
        return merged
    }

    /// The first reference to something that is not there, as an error at the reference.
    private static func resolve(_ references: [DecodedProject.Reference], in catalog: Catalog,
                                file: String, scope: String) throws {
        for r in references {
            let message: String?
            switch r.target {
            case .competency(let k):
                if catalog.competencies[k] != nil { message = nil }
                else if catalog.frameworks[k.framework] == nil {
                    message = "refers to competency \(k), but no framework \(k.framework) is defined in \(scope)"
                } else if r.path.hasSuffix(".parent") {
                    message = "the parent \"\(k.code)\" is not a competency of framework \(k.framework); check the code"
                } else {
                    message = "refers to competency \(k), which framework \(k.framework) does not define; check the code"
                }
            case .credential(let c):
                message = catalog.credentials[c] == nil ? "refers to credential \(c), which is not defined in \(scope)" : nil
            case .framework(let f):
                message = catalog.frameworks[f] == nil ? "refers to framework \(f), which is not defined in \(scope)" : nil
            case .pathway(let p):
                message = catalog.pathways[p] == nil ? "refers to pathway \(p), which is not defined in \(scope)" : nil
            }
            if let message { throw ProjectFileError(file: file, path: r.path, message: message, line: r.line) }
        }
    }

    /// A last guard: the model's own integrity rules, named in the error (first three).
    private static func checkIntegrity(_ catalog: Catalog, file: String) throws {
        let problems = catalog.integrityProblems()
        guard !problems.isEmpty else { return }
        var message = "the document breaks the model's rules: " + problems.prefix(3).map(\.description).joined(separator: "; ")
        if problems.count > 3 { message += "; and \(problems.count - 3) more" }
        throw ProjectFileError(file: file, path: "$", message: message)
    }
}
