import PathwayModel

/// Reads a CASE 1.0 or 1.1 CFPackage (JSON) into one framework.
///
/// - CFDocument → the framework (`uri` keeps the document URI, so re-importing a newer version
///   updates the same framework); CFItems → competencies; `isChildOf` → the tree, any depth,
///   siblings ordered by `sequenceNumber` (file order where there is none).
/// - A competency's code is its `humanCodingScheme` when that is present and unique, else the
///   item's identifier. Its title is the `abbreviatedStatement` when there is one (the
///   `fullStatement` then becomes the description), else the `fullStatement`.
/// - Other association types become relations (`exactMatchOf` → exactMatch, `isRelatedTo` →
///   related, `ext:…` kept as is); an unknown type without `ext:` is an error. An item's second
///   `isChildOf`, or one pointing outside the package, is kept as an `ext:isChildOf` relation.
/// - CASE 1.0 extras (`CFPackageURI`, `CFDocumentURI`) are accepted and ignored.
public enum CASEImporter {
    public static func read(_ source: ImportSource, progress: ((Double) -> Void)? = nil) throws -> ImportedFramework {
        progress?(0)
        let root = try JSONParser.parse(source)
        progress?(0.4)
        let r = JSONTreeReading(file: source.name)
        _ = try r.object(root, "the top level")
        let doc = try r.object(root["CFDocument"], "CFDocument")
        let docID = try r.string(doc, "identifier", "CFDocument")
        let docURI = try r.optionalString(doc, "uri", "CFDocument") ?? ""
        let title = try r.string(doc, "title", "CFDocument")

        // Items.
        struct Item { var identifier: String; var uri: String; var path: String; var index: Int; var json: JSONTree }
        var items: [Item] = []
        var itemIndex: [String: Int] = [:]
        for (i, v) in try r.array(root["CFItems"], "CFItems").enumerated() {
            let path = "CFItems[\(i)]"
            _ = try r.object(v, path)
            let id = try r.string(v, "identifier", path)
            _ = try r.string(v, "fullStatement", path)
            if let first = itemIndex[id] {
                throw r.fail("\(path).identifier", "the identifier \(id) is already used by \(items[first].path); identifiers must be unique")
            }
            if id == docID { throw r.fail("\(path).identifier", "the identifier \(id) is the CFDocument's own; identifiers must be unique") }
            itemIndex[id] = items.count
            items.append(Item(identifier: id, uri: try r.optionalString(v, "uri", path) ?? "", path: path, index: i, json: v))
        }
        var hcsCount: [String: Int] = [:]
        for item in items {
            if let h = item.json["humanCodingScheme"]?.string.map(TextTools.trim), !h.isEmpty { hcsCount[h, default: 0] += 1 }
        }
        let frameworkCode = TextTools.code(from: title, fallback: "CASE")
        var competencies: [Competency] = []
        competencies.reserveCapacity(items.count)
        for item in items {
            let v = item.json, path = item.path
            let full = try r.string(v, "fullStatement", path)
            let abbreviated = TextTools.trim(try r.optionalString(v, "abbreviatedStatement", path) ?? "")
            let hcs = TextTools.trim(try r.optionalString(v, "humanCodingScheme", path) ?? "")
            var code = item.identifier
            if !hcs.isEmpty, hcsCount[hcs] == 1, Codes.problem(with: hcs) == nil, itemIndex[hcs] == nil { code = hcs }
            if let p = Codes.problem(with: code) {
                throw r.fail("\(path).identifier", "cannot be used as a code: \(p)")
            }
            let alt = try r.optionalString(v, "alternativeLabel", path) ?? ""
            competencies.append(Competency(
                framework: frameworkCode, code: code, uri: item.uri.isEmpty ? nil : item.uri,
                title: abbreviated.isEmpty ? full : abbreviated,
                description: abbreviated.isEmpty ? "" : full,
                type: CASEVocabulary.type(forItemType: try r.optionalString(v, "CFItemType", path)),
                position: item.index,
                altLabels: TextTools.values(alt, pipes: false)))
        }
        progress?(0.7)

        // Associations.
        var seenAssociations: [String: String] = [:]
        var hasParent = Set<Int>()
        var outsideOrigins = 0
        for (k, v) in try r.array(root["CFAssociations"], "CFAssociations").enumerated() {
            let path = "CFAssociations[\(k)]"
            _ = try r.object(v, path)
            let id = try r.string(v, "identifier", path)
            if let first = seenAssociations[id] {
                throw r.fail("\(path).identifier", "the identifier \(id) is already used by \(first); identifiers must be unique")
            }
            seenAssociations[id] = path
            let type = try r.string(v, "associationType", path)
            guard CASEVocabulary.associationTypes.contains(type) || (type.hasPrefix("ext:") && type.count > 4) else {
                throw r.fail("\(path).associationType", "'\(type)' is not a CASE association type; use one of \(CASEVocabulary.associationTypes.joined(separator: ", ")), or an extension type starting with ext:")
            }
            let origin = try r.object(v["originNodeURI"], "\(path).originNodeURI")
            let destination = try r.object(v["destinationNodeURI"], "\(path).destinationNodeURI")
            let originID = try r.string(origin, "identifier", "\(path).originNodeURI")
            let destID = try r.string(destination, "identifier", "\(path).destinationNodeURI")
            let destURI = try r.optionalString(destination, "uri", "\(path).destinationNodeURI") ?? ""
            let sequence = try r.optionalInt(v, "sequenceNumber", path)
            guard let o = itemIndex[originID] else {
                // A link from an item of another framework to this one: nothing here to hold it.
                outsideOrigins += 1
                continue
            }
            let destItem = itemIndex[destID]
            if type == "isChildOf" && !hasParent.contains(o) && (destItem != nil || destID == docID) {
                if let d = destItem {
                    if d == o { throw r.fail("\(path).destinationNodeURI", "an item cannot be its own parent") }
                    competencies[o].parent = competencies[d].code
                }
                competencies[o].position = sequence ?? k
                hasParent.insert(o)
                continue
            }
            let kind = type == "isChildOf" ? RelationKind(rawValue: "ext:isChildOf") : CASEVocabulary.kind(forAssociation: type)
            if let d = destItem {
                competencies[o].relations.append(CompetencyRelation(kind: kind, target: competencies[d].key))
            } else if destID == docID {
                continue  // a non-tree link to the document itself says nothing about a competency
            } else {
                competencies[o].relations.append(CompetencyRelation(kind: kind, targetURI: destURI.isEmpty ? "urn:uuid:\(destID)" : destURI))
            }
        }
        // Items with no isChildOf sit at the top, after those placed explicitly.
        var notes: [String] = []
        if outsideOrigins > 0 {
            notes.append("\(outsideOrigins) associations start from items outside this package and were left out")
        }
        let description = try r.optionalString(doc, "description", "CFDocument") ?? ""
        let framework = CompetencyFramework(
            code: frameworkCode, title: title, description: description, source: .case,
            version: try r.optionalString(doc, "version", "CFDocument") ?? "",
            language: try r.optionalString(doc, "language", "CFDocument") ?? "en",
            reviewStatus: CASEVocabulary.reviewStatus(forAdoption: try r.optionalString(doc, "adoptionStatus", "CFDocument")),
            uri: docURI.isEmpty ? "urn:uuid:\(docID)" : docURI)
        progress?(1)
        return ImportedFramework(framework: framework, competencies: competencies, notes: notes, source: source.name)
    }
}
