//! The spec-file grammar, as the reference manual's chapter on spec syntax
//! gives it:
//!
//! ```text
//! file     = { spec }
//! spec     = NAME "{" { argument } "}"
//! argument = NAME "=" value
//! value    = WORD | STRING | group { group }          (arima's (0 1 1)(0 1 1))
//! group    = "(" { WORD | STRING | "," } ")"           (may span lines)
//! ```
//!
//! Names are case-insensitive; `#` starts a comment to the end of the line
//! (outside strings); strings are in double or single quotes; inside a
//! group, items are separated by blanks or commas, and a comma with no item
//! before it stands for a missing item (`sigmalim=(,2.0)`). The lexer is one
//! pass without recursion, so no input can exhaust the stack.

use crate::error::{Error, Result, SpecProblem};

/// An item of a group: `None` for a place left empty between commas.
pub(super) type Item = Option<Text>;

/// A word or a quoted string, with its line.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Text {
    pub(super) text: String,
    pub(super) quoted: bool,
    pub(super) line: u32,
}

/// A parenthesised group and the number written right after its `)`, as
/// in arima's `(0 1 1)(0 1 1)12`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Group {
    pub(super) items: Vec<Item>,
    pub(super) suffix: Option<Text>,
}

/// An argument's value.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    /// A bare word or a string.
    Scalar(Text),
    /// One or more parenthesised groups.
    Groups(Vec<Group>),
}

/// `name = value` inside a spec.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Argument {
    /// Lowercased.
    pub(super) name: String,
    pub(super) line: u32,
    pub(super) value: Value,
}

/// `name { arguments }`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RawSpec {
    /// Lowercased.
    pub(super) name: String,
    pub(super) line: u32,
    pub(super) arguments: Vec<Argument>,
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Open,
    Close,
    LParen,
    RParen,
    Equals,
    Comma,
}

fn describe(t: Option<&(Token, u32)>) -> String {
    match t.map(|t| &t.0) {
        None => String::new(),
        Some(Token::Word(w)) => w.clone(),
        Some(Token::Str(s)) => format!("\"{s}\""),
        Some(Token::Open) => "{".to_owned(),
        Some(Token::Close) => "}".to_owned(),
        Some(Token::LParen) => "(".to_owned(),
        Some(Token::RParen) => ")".to_owned(),
        Some(Token::Equals) => "=".to_owned(),
        Some(Token::Comma) => ",".to_owned(),
    }
}

fn syntax(line: u32, expected: &'static str, found: String) -> Error {
    Error::Spec {
        line,
        problem: Box::new(SpecProblem::Syntax {
            expected,
            found: found.into(),
        }),
    }
}

fn lex(input: &str) -> Result<Vec<(Token, u32)>> {
    let mut out = Vec::new();
    let mut line = 1u32;
    let mut chars = input.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        match c {
            '\n' => line = line.saturating_add(1),
            c if c.is_whitespace() => {}
            '#' => {
                while let Some(&(_, c)) = chars.peek() {
                    if c == '\n' {
                        break;
                    }
                    chars.next();
                }
            }
            '{' => out.push((Token::Open, line)),
            '}' => out.push((Token::Close, line)),
            '(' => out.push((Token::LParen, line)),
            ')' => out.push((Token::RParen, line)),
            '=' => out.push((Token::Equals, line)),
            ',' => out.push((Token::Comma, line)),
            '"' | '\'' => {
                let first = line;
                let mut s = String::new();
                let mut closed = false;
                for (_, d) in chars.by_ref() {
                    if d == c {
                        closed = true;
                        break;
                    }
                    if d == '\n' {
                        line = line.saturating_add(1);
                    }
                    s.push(d);
                }
                if !closed {
                    return Err(syntax(first, "a closing quote", String::new()));
                }
                out.push((Token::Str(s), first));
            }
            _ => {
                let mut end = start + c.len_utf8();
                while let Some(&(i, d)) = chars.peek() {
                    if d.is_whitespace() || "{}()=,\"'#".contains(d) {
                        break;
                    }
                    end = i + d.len_utf8();
                    chars.next();
                }
                out.push((
                    Token::Word(input.get(start..end).unwrap_or_default().to_owned()),
                    line,
                ));
            }
        }
    }
    Ok(out)
}

/// Splits spec text into specs and their arguments, in order.
pub(super) fn parse(input: &str) -> Result<Vec<RawSpec>> {
    let tokens = lex(input)?;
    let last_line = tokens.last().map_or(1, |t| t.1);
    let mut it = tokens.into_iter().peekable();
    let mut specs = Vec::new();
    while let Some((tok, line)) = it.next() {
        let Token::Word(name) = tok else {
            return Err(syntax(line, "a spec name", describe(Some(&(tok, line)))));
        };
        match it.next() {
            Some((Token::Open, _)) => {}
            other => {
                return Err(syntax(
                    other.as_ref().map_or(last_line, |t| t.1),
                    "{",
                    describe(other.as_ref()),
                ));
            }
        }
        let mut arguments = Vec::new();
        loop {
            let next = it.next();
            let (arg, aline) = match next {
                Some((Token::Close, _)) => break,
                Some((Token::Word(w), l)) => (w, l),
                other => {
                    return Err(syntax(
                        other.as_ref().map_or(last_line, |t| t.1),
                        "an argument name or }",
                        describe(other.as_ref()),
                    ));
                }
            };
            match it.next() {
                Some((Token::Equals, _)) => {}
                other => {
                    return Err(syntax(
                        other.as_ref().map_or(last_line, |t| t.1),
                        "=",
                        describe(other.as_ref()),
                    ));
                }
            }
            let value = match it.next() {
                Some((Token::Word(w), l)) => Value::Scalar(Text {
                    text: w,
                    quoted: false,
                    line: l,
                }),
                Some((Token::Str(s), l)) => Value::Scalar(Text {
                    text: s,
                    quoted: true,
                    line: l,
                }),
                Some((Token::LParen, _)) => {
                    let mut groups = Vec::new();
                    loop {
                        let items = group(&mut it, last_line)?;
                        // A number straight after `)` is the group's period; an
                        // argument name never starts with a digit.
                        let suffix = match it.peek() {
                            Some((Token::Word(w), _)) if w.bytes().all(|b| b.is_ascii_digit()) => {
                                it.next().and_then(|(t, l)| match t {
                                    Token::Word(w) => Some(Text {
                                        text: w,
                                        quoted: false,
                                        line: l,
                                    }),
                                    _ => None,
                                })
                            }
                            _ => None,
                        };
                        groups.push(Group { items, suffix });
                        if matches!(it.peek(), Some((Token::LParen, _))) {
                            it.next();
                        } else {
                            break;
                        }
                    }
                    Value::Groups(groups)
                }
                other => {
                    return Err(syntax(
                        other.as_ref().map_or(last_line, |t| t.1),
                        "a value, a string or a list in ( )",
                        describe(other.as_ref()),
                    ));
                }
            };
            arguments.push(Argument {
                name: arg.to_ascii_lowercase(),
                line: aline,
                value,
            });
        }
        specs.push(RawSpec {
            name: name.to_ascii_lowercase(),
            line,
            arguments,
        });
    }
    Ok(specs)
}

/// The items of a group whose `(` was just read.
fn group(
    it: &mut std::iter::Peekable<std::vec::IntoIter<(Token, u32)>>,
    last_line: u32,
) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    // Whether an item may still fill the current place (no comma since the last item).
    let mut after_item = false;
    let mut any_comma = false;
    loop {
        match it.next() {
            Some((Token::RParen, _)) => {
                if any_comma && !after_item {
                    items.push(None);
                }
                return Ok(items);
            }
            Some((Token::Word(w), l)) => {
                items.push(Some(Text {
                    text: w,
                    quoted: false,
                    line: l,
                }));
                after_item = true;
            }
            Some((Token::Str(s), l)) => {
                items.push(Some(Text {
                    text: s,
                    quoted: true,
                    line: l,
                }));
                after_item = true;
            }
            Some((Token::Comma, _)) => {
                if !after_item {
                    items.push(None);
                }
                after_item = false;
                any_comma = true;
            }
            other => {
                return Err(syntax(
                    other.as_ref().map_or(last_line, |t| t.1),
                    "a list item or )",
                    describe(other.as_ref()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(items: &[Item]) -> Vec<Option<&str>> {
        items
            .iter()
            .map(|i| i.as_ref().map(|t| t.text.as_str()))
            .collect()
    }

    #[test]
    fn grammar() {
        let text = "# a comment\nSERIES{ title = \"A # not a comment\" start=1990.1\n data=(1 2\n 3) }\n\
                    arima { model = (0 1 1)(0 1 1) }  x11{ sigmalim=(,2.0) seasonalma=(s3x3, s3x5) }";
        let specs = parse(text).unwrap();
        assert_eq!(specs.len(), 3);
        assert_eq!((specs[0].name.as_str(), specs[0].line), ("series", 2));
        assert_eq!(
            specs[0].arguments[0].value,
            Value::Scalar(Text {
                text: "A # not a comment".into(),
                quoted: true,
                line: 2
            })
        );
        let Value::Groups(g) = &specs[0].arguments[2].value else {
            panic!()
        };
        assert_eq!(words(&g[0].items), [Some("1"), Some("2"), Some("3")]);
        let Value::Groups(g) = &specs[1].arguments[0].value else {
            panic!()
        };
        assert_eq!(g.len(), 2);
        let Value::Groups(g) = &specs[2].arguments[0].value else {
            panic!()
        };
        assert_eq!(words(&g[0].items), [None, Some("2.0")]);
        let Value::Groups(g) = &specs[2].arguments[1].value else {
            panic!()
        };
        assert_eq!(words(&g[0].items), [Some("s3x3"), Some("s3x5")]);
        let specs = parse("arima{ model=(0 1 1)(0 1 1)12 } x11{}").unwrap();
        let Value::Groups(g) = &specs[0].arguments[0].value else {
            panic!()
        };
        assert_eq!(g[1].suffix.as_ref().map(|t| t.text.as_str()), Some("12"));
        assert_eq!(specs[1].name, "x11");
    }

    #[test]
    fn errors_name_lines() {
        for (text, line) in [
            ("series{", 1),
            ("series{ a=(1 2", 1),
            ("x11{\n mode add }", 2),
            ("x11{\n mode=\"add }", 2),
            ("\n\n}", 3),
            ("x11{ a=( (1) ) }", 1),
        ] {
            match parse(text) {
                Err(Error::Spec { line: l, problem })
                    if matches!(*problem, SpecProblem::Syntax { .. }) =>
                {
                    assert_eq!(l, line, "{text}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
