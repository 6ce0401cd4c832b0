/// Reads typed members out of parsed JSON, naming the exact path (`CFItems[3].fullStatement`) in
/// every error, so a person can go straight to the broken spot.
struct JSONTreeReading {
    let file: String

    func fail(_ path: String, _ message: String) -> ImportError {
        ImportError(file: file, location: path, message: message)
    }

    func object(_ v: JSONTree?, _ path: String) throws -> JSONTree {
        guard let v else { throw fail(path, "is missing; it must be an object") }
        guard case .object = v else { throw fail(path, "must be an object, not \(v.kindName)") }
        return v
    }

    func array(_ v: JSONTree?, _ path: String, required: Bool = false) throws -> [JSONTree] {
        guard let v, !v.isNull else {
            if required { throw fail(path, "is missing; it must be a list") }
            return []
        }
        guard let a = v.array else { throw fail(path, "must be a list, not \(v.kindName)") }
        return a
    }

    func string(_ v: JSONTree, _ key: String, _ path: String) throws -> String {
        guard let m = v[key], !m.isNull else { throw fail("\(path).\(key)", "is missing; it is required") }
        guard let s = m.string else { throw fail("\(path).\(key)", "must be text, not \(m.kindName)") }
        return s
    }

    func optionalString(_ v: JSONTree, _ key: String, _ path: String) throws -> String? {
        guard let m = v[key], !m.isNull else { return nil }
        guard let s = m.string else { throw fail("\(path).\(key)", "must be text, not \(m.kindName)") }
        return s
    }

    func optionalInt(_ v: JSONTree, _ key: String, _ path: String) throws -> Int? {
        guard let m = v[key], !m.isNull else { return nil }
        guard let n = m.int else { throw fail("\(path).\(key)", "must be a whole number, not \(m.kindName)") }
        return n
    }

    func strings(_ v: JSONTree, _ key: String, _ path: String) throws -> [String] {
        guard let m = v[key], !m.isNull else { return [] }
        if let s = m.string { return [s] }
        guard let a = m.array else { throw fail("\(path).\(key)", "must be a list of text, not \(m.kindName)") }
        return try a.enumerated().map { i, e in
            guard let s = e.string else { throw fail("\(path).\(key)[\(i)]", "must be text, not \(e.kindName)") }
            return s
        }
    }
}
