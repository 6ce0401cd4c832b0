import PathwayModel

extension App {
    /// The whole catalog of a document whose first frame was drawn before all of it was read
    /// (the store reads the occupations meanwhile: `DocumentStore.loadInStages`). The terminal
    /// calls this right after the first frame, before it handles any key, so no screen, check
    /// or edit sees the part.
    public mutating func catalogLoaded(_ whole: Catalog) {
        state.document.replaceCatalog(whole)
        refreshCurrent()
    }
}
