import PathwayModel

/// Competencies' keys by row id, for the rows that refer to competencies by id: a plain array
/// when ids are dense (as they are unless many competencies were deleted), else a sorted search.
struct KeysByID {
    private let first: Int64
    private let dense: [CompetencyKey?]
    private let ids: [Int64]
    private let keys: [CompetencyKey]

    /// `ids` ascending, `keys` in the same order.
    init(ids: [Int64], keys: [CompetencyKey]) {
        first = ids.first ?? 0
        let span = (ids.last ?? 0) - first + 1
        if !ids.isEmpty, span <= Int64(ids.count) * 4 + 1024 {
            var dense = [CompetencyKey?](repeating: nil, count: Int(span))
            for (id, key) in zip(ids, keys) { dense[Int(id - first)] = key }
            self.dense = dense
            self.ids = []
            self.keys = []
        } else {
            dense = []
            self.ids = ids
            self.keys = keys
        }
    }

    subscript(id: Int64) -> CompetencyKey? {
        if !dense.isEmpty {
            let i = id - first
            return i >= 0 && i < Int64(dense.count) ? dense[Int(i)] : nil
        }
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? keys[low] : nil
    }
}
