//! Which SDMX series a selector names: the dataflow and the full key, or an
//! unambiguous shorter form.

/// The identifier of an SDMX series: `AGENCY:ID(VERSION)/KEY`, or the key
/// alone for a message without a dataflow.
pub(crate) fn full_id(flow: Option<&str>, key: &str) -> String {
    match flow {
        Some(f) if !f.is_empty() => format!("{f}/{key}"),
        _ => key.to_owned(),
    }
}

/// Whether `given` names the dataflow `flow` (`AGENCY:ID(VERSION)`): in
/// full, or leaving out the agency, the version or both.
fn flow_matches(given: &str, flow: &str) -> bool {
    if given == flow {
        return true;
    }
    let (agency, rest) = match flow.split_once(':') {
        Some((a, r)) => (Some(a), r),
        None => (None, flow),
    };
    let id = rest.split_once('(').map_or(rest, |(id, _)| id);
    let forms = [
        Some(id.to_owned()),
        Some(rest.to_owned()),
        agency.map(|a| format!("{a}:{id}")),
    ];
    forms.iter().flatten().any(|f| f == given)
}

/// A series selector as given to [`ReadOptions::series`](crate::io::ReadOptions::series).
#[derive(Clone, Debug)]
pub(crate) struct Selector {
    text: String,
}

impl Selector {
    /// The selector `text`.
    pub(crate) fn new(text: &str) -> Selector {
        Selector {
            text: text.trim().to_owned(),
        }
    }

    /// The selector as given.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Whether the series of dataflow `flow` with the dimension values `key`
    /// (in key order) is one the selector names:
    ///
    /// - `FLOW/KEY` or `FLOW.KEY` with the full key, `FLOW` naming the
    ///   dataflow in full or without its agency or version
    ///   (`ECB:EXR(1.0)/M.USD.EUR.SP00.A`, `EXR.M.USD.EUR.SP00.A`);
    /// - the last dimensions of the key, whole values between dots
    ///   (`M.USD.EUR.SP00.A`, `SP00.A`, `A`).
    pub(crate) fn matches(&self, flow: Option<&str>, key: &[&str]) -> bool {
        let sel = self.text.as_str();
        let full = key.join(".");
        if let Some(flow) = flow.filter(|f| !f.is_empty())
            && let Some(prefix) = sel.strip_suffix(full.as_str())
            && let Some(given) = prefix
                .strip_suffix('/')
                .or_else(|| prefix.strip_suffix('.'))
            && flow_matches(given, flow)
        {
            return true;
        }
        // The last dimensions, whole values: compared as text, so that a
        // value holding a dot (not an SDMX id, but CSV allows it) still
        // matches its own key.
        (0..key.len()).any(|k| key.get(k..).is_some_and(|tail| tail.join(".") == sel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_forms_and_suffixes() {
        let key = ["M", "USD", "EUR", "SP00", "A"];
        let flow = Some("ECB:EXR(1.0)");
        for sel in [
            "ECB:EXR(1.0)/M.USD.EUR.SP00.A",
            "ECB:EXR(1.0).M.USD.EUR.SP00.A",
            "ECB:EXR/M.USD.EUR.SP00.A",
            "EXR(1.0)/M.USD.EUR.SP00.A",
            "EXR.M.USD.EUR.SP00.A",
            "M.USD.EUR.SP00.A",
            "USD.EUR.SP00.A",
            "A",
        ] {
            assert!(Selector::new(sel).matches(flow, &key), "{sel}");
        }
        for sel in [
            "IMF:EXR(1.0)/M.USD.EUR.SP00.A",
            "EXR/USD.EUR.SP00.A",
            "M.USD",
            "SP00",
            "X.M.USD.EUR.SP00.A",
            "P00.A",
            "EXR(2.0)/M.USD.EUR.SP00.A",
        ] {
            assert!(!Selector::new(sel).matches(flow, &key), "{sel}");
        }
        assert!(Selector::new("M.USD.EUR.SP00.A").matches(None, &key));
        // A value with a dot: its key still names it, and only whole values.
        let dotted = ["A:B(1.0)", "M"];
        assert!(Selector::new("A:B(1.0).M").matches(None, &dotted));
        assert!(Selector::new("M").matches(None, &dotted));
        assert!(!Selector::new("0).M").matches(None, &dotted));
        assert!(!Selector::new("EXR.M.USD.EUR.SP00.A").matches(None, &key));
        assert_eq!(full_id(flow, "M.USD"), "ECB:EXR(1.0)/M.USD");
        assert_eq!(full_id(None, "M.USD"), "M.USD");
    }
}
