import PathwayModel

/// Writes a framework as a CASE 1.1 CFPackage that validates against 1EdTech's schema and that
/// `CASEImporter` reads back to the same framework.
///
/// Identifiers: a framework or competency whose URI ends in a UUID keeps it (so frameworks that
/// came from CASE keep their identifiers); others get a UUID derived from their code, the same
/// on every export. The tree is written as `isChildOf` associations with `sequenceNumber`.
public enum CASEExporter {
    /// - Parameter changed: the `lastChangeDateTime` to stamp on every record (ISO 8601, UTC).
    public static func package(framework code: String, in catalog: Catalog, changed: String) throws -> JSONTree {
        guard let framework = catalog.frameworks[code] else {
            throw ExportError("there is no framework \(code); `pathway list frameworks` shows the codes")
        }
        let docID = Identifiers.trailingUUID(of: framework.uri ?? "")
            ?? Identifiers.uuid(named: "framework:" + (framework.uri ?? code))
        let docURI = framework.uri ?? "urn:uuid:\(docID)"
        let members = catalog.competencies(in: code)
        var itemID: [String: String] = [:]
        var itemURI: [String: String] = [:]
        for c in members {
            let id = c.uri.flatMap(Identifiers.trailingUUID(of:)) ?? Identifiers.uuid(named: "competency:\(docID)/\(c.code)")
            itemID[c.code] = id
            itemURI[c.code] = c.uri ?? "urn:uuid:\(id)"
        }
        // Two competencies with one URI would give two items one identifier: fall back to codes.
        var used = Set<String>()
        for c in members {
            if !used.insert(itemID[c.code]!).inserted {
                let id = Identifiers.uuid(named: "competency:\(docID)/\(c.code)")
                itemID[c.code] = id
                used.insert(id)
            }
        }

        var doc = JSONTreeObject()
        doc.set("identifier", docID)
        doc.set("uri", docURI)
        doc.set("creator", "Pathway Designer")
        doc.set("title", framework.title)
        doc.set("lastChangeDateTime", changed)
        if !framework.description.isEmpty { doc.set("description", framework.description) }
        if !framework.language.isEmpty { doc.set("language", framework.language) }
        if !framework.version.isEmpty { doc.set("version", framework.version) }
        doc.set("adoptionStatus", CASEVocabulary.adoptionStatus(for: framework.reviewStatus))
        doc.set("caseVersion", "1.1")

        var items: [JSONTree] = []
        var associations: [JSONTree] = []
        func node(_ title: String, _ id: String, _ uri: String) -> JSONTree {
            .object([("title", .string(title)), ("identifier", .string(id)), ("uri", .string(uri))])
        }
        func association(_ type: String, from c: Competency, to destination: JSONTree, sequence: Int?) -> JSONTree {
            let id = Identifiers.uuid(named: "association:\(itemID[c.code]!):\(type):\(destination["identifier"]?.string ?? "")")
            var a = JSONTreeObject()
            a.set("identifier", id)
            a.set("associationType", type)
            if let sequence { a.set("sequenceNumber", .number(sequence)) }
            a.set("uri", "urn:uuid:\(id)")
            a.set("originNodeURI", node(c.title, itemID[c.code]!, itemURI[c.code]!))
            a.set("destinationNodeURI", destination)
            a.set("lastChangeDateTime", changed)
            return a.value
        }
        for c in members {
            var item = JSONTreeObject()
            item.set("identifier", itemID[c.code]!)
            item.set("fullStatement", c.description.isEmpty ? c.title : c.description)
            if !c.altLabels.isEmpty { item.set("alternativeLabel", c.altLabels.joined(separator: "\n")) }
            item.set("CFItemType", CASEVocabulary.itemType(for: c.type))
            item.set("uri", itemURI[c.code]!)
            if c.code != itemID[c.code] { item.set("humanCodingScheme", c.code) }
            if !c.description.isEmpty { item.set("abbreviatedStatement", c.title) }
            item.set("lastChangeDateTime", changed)
            items.append(item.value)

            let parent = c.parent.flatMap { p in itemID[p].map { (p, $0) } }
            let destination = parent.map { node(catalog.competencies[CompetencyKey(framework: code, code: $0.0)]?.title ?? $0.0, $0.1, itemURI[$0.0]!) }
                ?? node(framework.title, docID, docURI)
            associations.append(association("isChildOf", from: c, to: destination, sequence: c.position))
            for rel in c.relations {
                let type = CASEVocabulary.association(for: rel.kind)
                if let t = rel.target, t.framework == code, let id = itemID[t.code] {
                    let title = catalog.competencies[t]?.title ?? t.code
                    associations.append(association(type, from: c, to: node(title, id, itemURI[t.code]!), sequence: nil))
                } else {
                    let other = rel.target.flatMap { catalog.competencies[$0] }
                    guard let uri = rel.targetURI ?? other?.uri ?? rel.target.map({ "urn:pathway:competency:\($0)" }) else { continue }
                    let id = Identifiers.trailingUUID(of: uri) ?? Identifiers.uuid(named: "uri:" + uri)
                    associations.append(association(type, from: c, to: node(other?.title ?? uri, id, uri), sequence: nil))
                }
            }
        }
        return .object([
            ("CFDocument", doc.value),
            ("CFItems", .array(items)),
            ("CFAssociations", .array(associations)),
        ])
    }

    public static func text(framework code: String, in catalog: Catalog, changed: String) throws -> String {
        JSONWriter.text(try package(framework: code, in: catalog, changed: changed))
    }
}
