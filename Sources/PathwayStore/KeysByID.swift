import PathwayModel

/// Competencies' keys by row id, for the rows that refer to competencies by id (occupation–skill
/// links). Ids are usually consecutive, so an id's key is found by subtraction; with gaps (after
/// deletions) through a table of indexes, or, when ids are very sparse, by binary search.
struct KeysByID {
    /// The keys, in ascending id order.
    let keys: [CompetencyKey]
    private let ids: [Int64]
    private let first: Int64
    private let lookup: Lookup

    private enum Lookup {
        case consecutive
        case table([Int32])
        case search
    }

    /// `ids` ascending, `keys` in the same order.
    init(ids: [Int64], keys: [CompetencyKey]) {
        self.keys = keys
        first = ids.first ?? 0
        let span = (ids.last ?? 0) - first + 1
        if ids.isEmpty || span == Int64(ids.count) {
            lookup = .consecutive
            self.ids = []
        } else if span <= Int64(ids.count) * 4 + 1024 {
            var table = [Int32](repeating: -1, count: Int(span))
            for (i, id) in ids.enumerated() { table[Int(id - first)] = Int32(i) }
            lookup = .table(table)
            self.ids = []
        } else {
            lookup = .search
            self.ids = ids
        }
    }

    /// The index in `keys` of competency `id`.
    func index(of id: Int64) -> Int? {
        let offset = id - first
        switch lookup {
        case .consecutive:
            return offset >= 0 && offset < Int64(keys.count) ? Int(offset) : nil
        case .table(let table):
            guard offset >= 0 && offset < Int64(table.count) else { return nil }
            let i = table[Int(offset)]
            return i < 0 ? nil : Int(i)
        case .search:
            var low = 0, high = ids.count
            while low < high {
                let mid = (low + high) / 2
                if ids[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < ids.count && ids[low] == id ? low : nil
        }
    }

    subscript(id: Int64) -> CompetencyKey? { index(of: id).map { keys[$0] } }
}
