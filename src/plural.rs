//! Counts in messages, with the noun agreeing: "1 document", "2 documents", "0 errors".

/// `n` and the noun in the number `n` takes.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn agrees() {
        assert_eq!(super::count(1, "document", "documents"), "1 document");
        assert_eq!(super::count(0, "error", "errors"), "0 errors");
        assert_eq!(super::count(2, "entry", "entries"), "2 entries");
    }
}
