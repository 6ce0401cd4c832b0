/// Words the generator builds titles and descriptions from, so that filtering, sorting and text
/// width behave as on real ESCO data: shared stems ("manage", "procure") that many titles match,
/// lengths like ESCO's labels and descriptions, and a little non-ASCII text.
enum Vocabulary {
    static let verbs = [
        "manage", "apply", "operate", "design", "evaluate", "monitor", "maintain", "develop", "assess",
        "coordinate", "install", "analyse", "prepare", "perform", "use", "plan", "inspect", "repair",
        "supervise", "document", "negotiate", "calibrate", "advise on", "ensure", "implement", "test",
        "interpret", "communicate", "procure", "audit", "train staff in", "report on", "process", "handle",
    ]
    static let objects = [
        "procurement procedures", "supplier contracts", "energy systems", "heat pumps", "solar panels",
        "food safety records", "patient data", "warehouse stock", "production schedules", "quality standards",
        "welding equipment", "hydraulic systems", "software requirements", "network security", "tender documents",
        "customer complaints", "financial statements", "building permits", "waste streams", "water treatment",
        "laboratory samples", "electrical installations", "logistics operations", "marketing campaigns",
        "risk assessments", "maintenance plans", "training programmes", "public tenders", "circular design",
        "data protection", "recycling processes", "machine tools", "ventilation systems", "transport routes",
        "museum collections", "crop rotation", "forest inventories", "café operations", "hotel bookings",
        "care plans", "social media content", "legal documents", "wind turbines", "battery storage",
        "insulation materials", "fire safety equipment", "accounting software", "cloud infrastructure",
    ]
    static let settings = [
        "in construction", "in healthcare", "in manufacturing", "in the public sector", "for small businesses",
        "in agriculture", "in hospitality", "in logistics", "in the energy sector", "in retail",
        "in tourism", "in education", "in finance", "in the automotive industry", "in shipping",
    ]
    static let knowledgeAreas = [
        "procurement law", "thermodynamics", "food chemistry", "anatomy", "inventory theory",
        "quality management", "metallurgy", "fluid mechanics", "software engineering", "cryptography",
        "contract law", "accounting principles", "building codes", "environmental science", "microbiology",
        "electrical engineering", "supply chain management", "marketing theory", "risk management",
        "pedagogy", "circular economy", "data science", "GDPR and data protection", "logistics",
        "ergonomics", "statistics", "organic chemistry", "forestry", "tourism geography", "Zürich dialect",
    ]
    static let groupWords = [
        "communication", "collaboration and creativity", "information skills", "assisting and caring",
        "management skills", "working with computers", "handling and moving", "constructing",
        "working with machinery", "applied knowledge", "business and administration", "engineering",
        "health and welfare", "services", "natural sciences", "information and communication technologies",
        "arts and humanities", "agriculture and forestry", "core skills", "thinking skills", "self-management",
        "social and communication skills", "physical and manual skills", "life skills", "languages",
    ]
    static let descriptionWords = [
        "the", "of", "and", "to", "in", "with", "for", "according", "relevant", "procedures", "standards",
        "ensure", "that", "are", "work", "safety", "quality", "activities", "information", "organisation",
        "requirements", "equipment", "processes", "regulations", "records", "clients", "appropriate",
        "methods", "tools", "materials", "data", "documentation", "teams", "resources", "legislation",
        "environmental", "technical", "specifications", "performance", "operations", "planning", "risk",
        "efficient", "customers", "suppliers", "maintain", "monitor", "evaluate", "report", "naïve", "café",
    ]
    static let occupationHeads = [
        "officer", "technician", "manager", "engineer", "specialist", "operator", "coordinator", "adviser",
        "inspector", "analyst", "assistant", "supervisor", "consultant", "designer", "installer",
    ]
    static let bodies = [
        "Universidade do Porto", "TU Delft", "Hochschule München", "Politecnico di Milano", "Aalto University",
        "KU Leuven", "Université de Lyon", "Tallinn University of Technology", "Cedefop Training Network",
        "Chamber of Crafts Vienna", "Instituto Técnico de Lisboa", "Vocational College Tampere",
    ]
    static let countries = ["PT", "NL", "DE", "IT", "FI", "BE", "FR", "EE", "AT", "ES", "IE", "PL", "SE"]
    static let firstNames = [
        "Ana", "João", "Emma", "Lukas", "Giulia", "Aino", "Lotte", "Chloé", "Kätlin", "Jakob", "Lucía",
        "Siobhan", "Zofia", "Elsa", "Mateo", "Noor", "Ingrid", "Tomás", "Yasmin", "Wen",
    ]
    static let lastNames = [
        "Silva", "de Vries", "Müller", "Rossi", "Virtanen", "Peeters", "Martin", "Tamm", "Gruber",
        "García", "Murphy", "Nowak", "Lindqvist", "Costa", "Jansen", "Fischer", "Bianchi", "Korhonen",
    ]

    static func sentence(_ rng: inout SeededGenerator, words: ClosedRange<Int>) -> String {
        let n = rng.int(words)
        var parts: [String] = []
        parts.reserveCapacity(n)
        for _ in 0..<n { parts.append(rng.pick(descriptionWords)) }
        var text = parts.joined(separator: " ")
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text + "."
    }

    static func description(_ rng: inout SeededGenerator, sentences: ClosedRange<Int>) -> String {
        (0..<rng.int(sentences)).map { _ in sentence(&rng, words: 8...16) }.joined(separator: " ")
    }
}
