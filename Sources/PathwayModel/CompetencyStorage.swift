/// The fields of a `Competency`, in one box that competencies share until one of them changes
/// (see `Competency` for why). Only `Competency` makes, reads and copies it.
final class CompetencyStorage: @unchecked Sendable {
    // Mutable, but only through `Competency.mutable`, which copies a box that is shared first:
    // a box that more than one value (or thread) can see is never written.
    var key: CompetencyKey
    var uri: String?
    var title: String
    var description: String
    var type: CompetencyType
    var parent: String?
    var position: Int
    var labels: LabelList
    var relations: [CompetencyRelation]

    init(key: CompetencyKey, uri: String?, title: String, description: String, type: CompetencyType,
         parent: String?, position: Int, labels: LabelList, relations: [CompetencyRelation]) {
        self.key = key
        self.uri = uri
        self.title = title
        self.description = description
        self.type = type
        self.parent = parent
        self.position = position
        self.labels = labels
        self.relations = relations
    }

    func copy() -> CompetencyStorage {
        CompetencyStorage(key: key, uri: uri, title: title, description: description, type: type,
                          parent: parent, position: position, labels: labels, relations: relations)
    }

    func hasSameFields(as other: CompetencyStorage) -> Bool {
        key == other.key && title == other.title && position == other.position && type == other.type
            && parent == other.parent && uri == other.uri && description == other.description
            && labels == other.labels && relations == other.relations
    }

    func hashFields(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(uri)
        hasher.combine(title)
        hasher.combine(description)
        hasher.combine(type)
        hasher.combine(parent)
        hasher.combine(position)
        hasher.combine(labels)
        hasher.combine(relations)
    }
}
