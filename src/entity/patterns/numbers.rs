//! Numbers, money, percents and quantities.
//!
//! Rules:
//! 1. A number is a number token — digits of any script, with group separators (`,` `٬`) and a
//!    decimal mark (`.` `٫`) — optionally followed by a scale word (`3.2 billion`,
//!    `٣٫٢ مليار`). A comma followed by groups of exactly three digits groups; a lone comma
//!    before other digit counts is a decimal mark (`1,5`). Its value is the plain decimal
//!    (`3200000000`).
//! 2. Money: a currency symbol or code before the number (`$1.2 billion`, `USD 5`, `€5`), or a
//!    currency word after it (`870 مليون دولار`, `5 dollars`), optionally with the currency's
//!    nationality (`ريال سعودي`). A scale word alone before a currency is one of it
//!    (`مليون يورو` = 1000000 EUR); a plural scale makes an amount without value
//!    (`ملايين الدولارات`).
//! 3. Percent: the number followed by `%`, `٪`, `percent`, `per cent`, `بالمئة`,
//!    `في المائة` (and Arabic `%15`, the sign first in logical order).
//! 4. Quantity: the number followed by a unit of measure or of time (`20 minutes`, `10 كم`,
//!    `طن`, `برميل`). Counted nouns (`550 طالبًا`, `4 lanes`) are not units: that is a number.
//! 5. A number glued by a hyphen to a word is part of a name (`Aurora-2`, `F-35`), not an
//!    entity. Two numbers joined by a hyphen are one number (`voted 7-2`), without value.
//! 6. A word that starts with digits (`10كم`, `3.2bn`) is split in two: digits and suffix.

use super::lexicon::Lex;
use super::{Found, Run};
use crate::entity::EntityKind;

/// Arabic and English words of this family.
pub(crate) const WORDS: &[(&str, Lex)] = &[
    // English scales.
    ("hundred", Lex::Scale(2)),
    ("thousand", Lex::Scale(3)),
    ("million", Lex::Scale(6)),
    ("billion", Lex::Scale(9)),
    ("trillion", Lex::Scale(12)),
    ("bn", Lex::Scale(9)),
    ("mn", Lex::Scale(6)),
    ("tn", Lex::Scale(12)),
    ("thousands", Lex::ScalePlural),
    ("millions", Lex::ScalePlural),
    ("billions", Lex::ScalePlural),
    // Arabic scales.
    ("مئة", Lex::Scale(2)),
    ("مائة", Lex::Scale(2)),
    ("ألف", Lex::Scale(3)),
    ("ألفا", Lex::Scale(3)),
    ("آلاف", Lex::Scale(3)),
    ("مليون", Lex::Scale(6)),
    ("مليونا", Lex::Scale(6)),
    ("ملايين", Lex::ScalePlural),
    ("مليار", Lex::Scale(9)),
    ("مليارا", Lex::Scale(9)),
    ("مليارات", Lex::ScalePlural),
    ("بليون", Lex::Scale(9)),
    ("تريليون", Lex::Scale(12)),
    ("الآلاف", Lex::ScalePlural),
    ("الملايين", Lex::ScalePlural),
    ("المليارات", Lex::ScalePlural),
    // English currencies.
    ("dollar", Lex::Currency("USD")),
    ("dollars", Lex::Currency("USD")),
    ("euro", Lex::Currency("EUR")),
    ("euros", Lex::Currency("EUR")),
    ("pound", Lex::Currency("GBP")),
    ("pounds", Lex::Currency("GBP")),
    ("sterling", Lex::Currency("GBP")),
    ("yen", Lex::Currency("JPY")),
    ("yuan", Lex::Currency("CNY")),
    ("rupee", Lex::Currency("INR")),
    ("rupees", Lex::Currency("INR")),
    ("dirham", Lex::Currency("AED")),
    ("dirhams", Lex::Currency("AED")),
    ("riyal", Lex::Currency("SAR")),
    ("riyals", Lex::Currency("SAR")),
    ("dinar", Lex::Currency("XXX")),
    ("dinars", Lex::Currency("XXX")),
    ("shekel", Lex::Currency("ILS")),
    ("shekels", Lex::Currency("ILS")),
    ("lira", Lex::Currency("TRY")),
    ("francs", Lex::Currency("CHF")),
    // Arabic currencies (with the accusative and plural forms news uses).
    ("دولار", Lex::Currency("USD")),
    ("دولارا", Lex::Currency("USD")),
    ("دولارات", Lex::Currency("USD")),
    ("الدولارات", Lex::Currency("USD")),
    ("يورو", Lex::Currency("EUR")),
    ("جنيه", Lex::Currency("EGP")),
    ("جنيها", Lex::Currency("EGP")),
    ("جنيهات", Lex::Currency("EGP")),
    ("ريال", Lex::Currency("SAR")),
    ("ريالا", Lex::Currency("SAR")),
    ("ريالات", Lex::Currency("SAR")),
    ("درهم", Lex::Currency("AED")),
    ("درهما", Lex::Currency("AED")),
    ("دراهم", Lex::Currency("AED")),
    ("دينار", Lex::Currency("XXX")),
    ("دينارا", Lex::Currency("XXX")),
    ("دنانير", Lex::Currency("XXX")),
    ("ليرة", Lex::Currency("XXX")),
    ("ليرات", Lex::Currency("XXX")),
    ("شيكل", Lex::Currency("ILS")),
    ("شيكلا", Lex::Currency("ILS")),
    ("شيقل", Lex::Currency("ILS")),
    ("شواكل", Lex::Currency("ILS")),
    ("ين", Lex::Currency("JPY")),
    ("يوان", Lex::Currency("CNY")),
    ("روبية", Lex::Currency("INR")),
    // Nationalities after an Arabic currency word: they settle the code.
    ("أمريكي", Lex::CurrencyAdjective("USD")),
    ("أميركي", Lex::CurrencyAdjective("USD")),
    ("كندي", Lex::CurrencyAdjective("CAD")),
    ("أسترالي", Lex::CurrencyAdjective("AUD")),
    ("سعودي", Lex::CurrencyAdjective("SAR")),
    ("قطري", Lex::CurrencyAdjective("QAR")),
    ("عماني", Lex::CurrencyAdjective("OMR")),
    ("يمني", Lex::CurrencyAdjective("YER")),
    ("إيراني", Lex::CurrencyAdjective("IRR")),
    ("إماراتي", Lex::CurrencyAdjective("AED")),
    ("مغربي", Lex::CurrencyAdjective("MAD")),
    ("كويتي", Lex::CurrencyAdjective("KWD")),
    ("أردني", Lex::CurrencyAdjective("JOD")),
    ("عراقي", Lex::CurrencyAdjective("IQD")),
    ("بحريني", Lex::CurrencyAdjective("BHD")),
    ("ليبي", Lex::CurrencyAdjective("LYD")),
    ("تونسي", Lex::CurrencyAdjective("TND")),
    ("جزائري", Lex::CurrencyAdjective("DZD")),
    ("مصري", Lex::CurrencyAdjective("EGP")),
    ("سوداني", Lex::CurrencyAdjective("SDG")),
    ("إسترليني", Lex::CurrencyAdjective("GBP")),
    ("استرليني", Lex::CurrencyAdjective("GBP")),
    ("تركية", Lex::CurrencyAdjective("TRY")),
    ("لبنانية", Lex::CurrencyAdjective("LBP")),
    ("سورية", Lex::CurrencyAdjective("SYP")),
    // Percent words.
    ("percent", Lex::Percent),
    ("per cent", Lex::Percent),
    ("pct", Lex::Percent),
    ("بالمئة", Lex::Percent),
    ("بالمائة", Lex::Percent),
    ("في المئة", Lex::Percent),
    ("في المائة", Lex::Percent),
    // English units.
    ("km", Lex::Unit("kilometre")),
    ("kilometers", Lex::Unit("kilometre")),
    ("kilometres", Lex::Unit("kilometre")),
    ("kilometer", Lex::Unit("kilometre")),
    ("kilometre", Lex::Unit("kilometre")),
    ("miles", Lex::Unit("mile")),
    ("mile", Lex::Unit("mile")),
    ("meters", Lex::Unit("metre")),
    ("metres", Lex::Unit("metre")),
    ("meter", Lex::Unit("metre")),
    ("metre", Lex::Unit("metre")),
    ("cm", Lex::Unit("centimetre")),
    ("mm", Lex::Unit("millimetre")),
    ("feet", Lex::Unit("foot")),
    ("foot", Lex::Unit("foot")),
    ("ft", Lex::Unit("foot")),
    ("inches", Lex::Unit("inch")),
    ("kg", Lex::Unit("kilogram")),
    ("kilograms", Lex::Unit("kilogram")),
    ("kilos", Lex::Unit("kilogram")),
    ("grams", Lex::Unit("gram")),
    ("tonnes", Lex::Unit("tonne")),
    ("tonne", Lex::Unit("tonne")),
    ("tons", Lex::Unit("ton")),
    ("barrels", Lex::Unit("barrel")),
    ("barrel", Lex::Unit("barrel")),
    ("litres", Lex::Unit("litre")),
    ("liters", Lex::Unit("litre")),
    ("gallons", Lex::Unit("gallon")),
    ("degrees", Lex::Unit("degree")),
    ("acres", Lex::Unit("acre")),
    ("hectares", Lex::Unit("hectare")),
    ("mw", Lex::Unit("megawatt")),
    ("megawatts", Lex::Unit("megawatt")),
    ("gw", Lex::Unit("gigawatt")),
    ("kwh", Lex::Unit("kilowatt-hour")),
    ("mph", Lex::Unit("mile per hour")),
    ("seconds", Lex::Unit("second")),
    ("minute", Lex::Unit("minute")),
    ("minutes", Lex::Unit("minute")),
    ("hour", Lex::Unit("hour")),
    ("hours", Lex::Unit("hour")),
    ("days", Lex::Unit("day")),
    ("weeks", Lex::Unit("week")),
    ("months", Lex::Unit("month")),
    ("years", Lex::Unit("year")),
    // Arabic units.
    ("كم", Lex::Unit("kilometre")),
    ("كيلومتر", Lex::Unit("kilometre")),
    ("كيلومترا", Lex::Unit("kilometre")),
    ("كيلومترات", Lex::Unit("kilometre")),
    ("كلم", Lex::Unit("kilometre")),
    ("متر", Lex::Unit("metre")),
    ("مترا", Lex::Unit("metre")),
    ("أمتار", Lex::Unit("metre")),
    ("سنتيمتر", Lex::Unit("centimetre")),
    ("ميل", Lex::Unit("mile")),
    ("ميلا", Lex::Unit("mile")),
    ("أميال", Lex::Unit("mile")),
    ("كيلوغرام", Lex::Unit("kilogram")),
    ("كيلوغراما", Lex::Unit("kilogram")),
    ("كيلوجرام", Lex::Unit("kilogram")),
    ("كغ", Lex::Unit("kilogram")),
    ("كلغ", Lex::Unit("kilogram")),
    ("غرام", Lex::Unit("gram")),
    ("غراما", Lex::Unit("gram")),
    ("جرام", Lex::Unit("gram")),
    ("طن", Lex::Unit("tonne")),
    ("طنا", Lex::Unit("tonne")),
    ("أطنان", Lex::Unit("tonne")),
    ("برميل", Lex::Unit("barrel")),
    ("برميلا", Lex::Unit("barrel")),
    ("براميل", Lex::Unit("barrel")),
    ("لتر", Lex::Unit("litre")),
    ("لترا", Lex::Unit("litre")),
    ("لترات", Lex::Unit("litre")),
    ("درجة", Lex::Unit("degree")),
    ("درجات", Lex::Unit("degree")),
    ("هكتار", Lex::Unit("hectare")),
    ("هكتارا", Lex::Unit("hectare")),
    ("فدان", Lex::Unit("feddan")),
    ("فدانا", Lex::Unit("feddan")),
    ("ميغاواط", Lex::Unit("megawatt")),
    ("ميجاوات", Lex::Unit("megawatt")),
    ("ثانية", Lex::Unit("second")),
    ("ثوان", Lex::Unit("second")),
    ("دقيقة", Lex::Unit("minute")),
    ("دقائق", Lex::Unit("minute")),
    ("ساعة", Lex::Unit("hour")),
    ("ساعات", Lex::Unit("hour")),
    ("يوما", Lex::Unit("day")),
    ("أيام", Lex::Unit("day")),
    ("أسبوعا", Lex::Unit("week")),
    ("أسابيع", Lex::Unit("week")),
    ("شهرا", Lex::Unit("month")),
    ("أشهر", Lex::Unit("month")),
    ("شهور", Lex::Unit("month")),
    ("عاما", Lex::Unit("year")),
    ("أعوام", Lex::Unit("year")),
    ("سنوات", Lex::Unit("year")),
    ("عام", Lex::Unit("year")),
    ("سنة", Lex::Unit("year")),
];

/// A decimal number as digit strings: exact under scaling, no floating point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decimal {
    int: String,
    frac: String,
}

impl Decimal {
    /// Multiplies by `10^exp`.
    pub fn scale(mut self, exp: u8) -> Decimal {
        for _ in 0..exp {
            if self.frac.is_empty() {
                self.int.push('0');
            } else {
                let c = self.frac.remove(0);
                self.int.push(c);
            }
        }
        self
    }

    /// The integer value, when the number has no fraction and fits.
    pub fn integer(&self) -> Option<u64> {
        if self.frac.trim_end_matches('0').is_empty() && self.int.len() <= 18 {
            self.int.parse().ok().or(Some(0))
        } else {
            None
        }
    }

    /// Number of digits before the decimal mark, as written.
    pub fn int_digits(&self) -> usize {
        self.int.len()
    }

    /// True when the number has a decimal mark.
    pub fn has_fraction(&self) -> bool {
        !self.frac.is_empty()
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let int = self.int.trim_start_matches('0');
        let frac = self.frac.trim_end_matches('0');
        f.write_str(if int.is_empty() { "0" } else { int })?;
        if !frac.is_empty() {
            write!(f, ".{frac}")?;
        }
        Ok(())
    }
}

/// The value of a decimal digit of any script (Unicode `Nd` digits come in runs of ten).
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    const ZEROS: [u32; 24] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x19D0, 0x1B50, 0xFF10,
    ];
    let u = c as u32;
    // Below the second run (Arabic-Indic) only ASCII digits: most characters stop here.
    if u < 0x660 {
        return (0x30..0x3A).contains(&u).then(|| u - 0x30);
    }
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|z| u - z)
}

/// Parses digits of any script with separators: `9,512`, `١٫٥`, `1.2`, `1,5` (see the rules).
///
/// ```
/// use article_analyzer::entity::patterns::numbers::parse;
/// assert_eq!(parse("9,512").unwrap().to_string(), "9512");
/// assert_eq!(parse("٣٫٢").unwrap().to_string(), "3.2");
/// assert_eq!(parse("1,5").unwrap().to_string(), "1.5");
/// assert!(parse("12a").is_none());
/// ```
pub fn parse(s: &str) -> Option<Decimal> {
    // Groups of digits and the separators between them.
    let mut groups: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = Vec::new();
    for c in s.chars() {
        if let Some(d) = digit_value(c) {
            groups
                .last_mut()?
                .push(char::from_digit(d, 10).unwrap_or('0'));
        } else if matches!(c, ',' | '.' | '٫' | '٬' | '\'') {
            if groups.last().is_some_and(String::is_empty) {
                return None;
            }
            seps.push(c);
            groups.push(String::new());
        } else {
            return None;
        }
    }
    if groups.iter().any(String::is_empty) {
        return None;
    }
    let last_dot = seps.iter().rposition(|&c| matches!(c, '.' | '٫'));
    let last_comma = seps.iter().rposition(|&c| c == ',');
    let is_group = |c: char| c == '٬' || c == '\'';
    // Which separator (by index) is the decimal mark, if any.
    let decimal = if seps.contains(&'٫') {
        last_dot
    } else {
        match (last_dot, last_comma) {
            (Some(d), Some(c)) => Some(d.max(c)),
            (Some(d), None) => {
                let dots = seps.iter().filter(|&&c| c == '.').count();
                if dots > 1 && groups[1..].iter().all(|g| g.len() == 3) {
                    None
                } else {
                    Some(d)
                }
            }
            (None, Some(c)) => {
                let commas = seps.iter().filter(|&&c| c == ',').count();
                if groups[1..].iter().all(|g| g.len() == 3) || commas > 1 {
                    None
                } else {
                    Some(c)
                }
            }
            (None, None) => None,
        }
    };
    if let Some(d) = decimal {
        if seps[d + 1..].iter().any(|&c| !is_group(c)) && d + 1 < seps.len() {
            return None;
        }
    }
    let mut out = Decimal::default();
    for (k, g) in groups.iter().enumerate() {
        if decimal.is_some_and(|d| k > d) {
            out.frac.push_str(g);
        } else {
            out.int.push_str(g);
        }
    }
    Some(out)
}

/// Splits a word that starts with digits into its number and the byte where the rest begins:
/// `10كم` → (10, 4).
pub fn digit_prefix(word: &str) -> Option<(Decimal, usize)> {
    let end = word
        .char_indices()
        .find(|&(_, c)| digit_value(c).is_none() && !matches!(c, '.' | ',' | '٫' | '٬'))
        .map(|(i, _)| i)?;
    let digits = word[..end].trim_end_matches(['.', ',', '٫', '٬']);
    if digits.is_empty() {
        return None;
    }
    Some((parse(digits)?, digits.len()))
}

const SYMBOLS: [(&str, &str); 9] = [
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₪", "ILS"),
    ("₺", "TRY"),
    ("₽", "RUB"),
    ("﷼", "SAR"),
];

/// ISO 4217 codes recognized before or after a number, in upper case only (`TRY` but not `try`).
const CODES: [&str; 16] = [
    "USD", "EUR", "GBP", "AED", "SAR", "EGP", "QAR", "KWD", "JOD", "JPY", "CNY", "ILS", "TRY",
    "CHF", "BHD", "OMR",
];

/// The code `word` is, when it is an upper-case ISO code of [`CODES`].
fn iso_code(word: &str) -> Option<&'static str> {
    CODES.iter().copied().find(|c| *c == word)
}

/// A currency before a number at `i`: its code and the index of the number's token.
fn currency_before(run: &Run<'_>, i: usize) -> Option<(&'static str, usize)> {
    let t = run.tok(i)?;
    if let Some((_, code)) = SYMBOLS.iter().find(|(s, _)| *s == t.text()) {
        return Some((code, i + 1));
    }
    // US$, A$: a word glued to `$`.
    if t.is_word() && run.glued(i) && run.is(i + 1, "$") {
        let code = match t.text() {
            "US" => "USD",
            "A" => "AUD",
            "C" => "CAD",
            "HK" => "HKD",
            _ => return None,
        };
        return Some((code, i + 2));
    }
    // ISO codes, upper case: USD 5.
    if t.is_word() && run.tok(i + 1).is_some_and(|n| n.is_number()) {
        return iso_code(t.text()).map(|code| (code, i + 1));
    }
    None
}

/// What follows a number: kind, value suffix, the token after it.
struct Tail {
    kind: EntityKind,
    end_tok: usize,
    end: usize,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
}

/// The currency, percent or unit after a number whose last token is `j - 1`.
fn tail(run: &Run<'_>, j: usize) -> Option<Tail> {
    let t = run.tok(j)?;
    if !t.is_word() {
        if matches!(t.text(), "%" | "٪") {
            return Some(Tail {
                kind: EntityKind::Percent,
                end_tok: j + 1,
                end: t.span().end,
                currency: None,
                unit: None,
            });
        }
        // Degrees: 40 °C.
        if t.text() == "°" {
            let (end_tok, end) = match run.tok(j + 1) {
                Some(n) if run.glued(j) && matches!(n.text(), "C" | "F") => (j + 2, n.span().end),
                _ => (j + 1, t.span().end),
            };
            return Some(Tail {
                kind: EntityKind::Quantity,
                end_tok,
                end,
                currency: None,
                unit: Some("degree"),
            });
        }
        return None;
    }
    // Between number and currency: "US" (5 US dollars).
    let k = if matches!(t.text(), "US" | "U.S") {
        let skip = if run.is(j + 1, ".") && run.glued(j) {
            2
        } else {
            1
        };
        if run.has(j + skip, |l| matches!(l, Lex::Currency(_))) {
            j + skip
        } else {
            j
        }
    } else {
        j
    };
    if let Some(code) = iso_code(run.tok(k)?.text()) {
        return Some(Tail {
            kind: EntityKind::Money,
            end_tok: k + 1,
            end: run.toks[k].span().end,
            currency: Some(code),
            unit: None,
        });
    }
    for (_, end_tok, lex) in run.lookups(k, false) {
        let last = &run.toks[end_tok - 1];
        match lex {
            Lex::Percent => {
                return Some(Tail {
                    kind: EntityKind::Percent,
                    end_tok,
                    end: last.span().end,
                    currency: None,
                    unit: None,
                })
            }
            Lex::Currency(code) => {
                let adj = run.find(end_tok, |l| match l {
                    Lex::CurrencyAdjective(c) => Some(Lex::CurrencyAdjective(c)),
                    _ => None,
                });
                let (code, end_tok, end) = match adj {
                    Some(Lex::CurrencyAdjective(c)) => {
                        (c, end_tok + 1, run.toks[end_tok].span().end)
                    }
                    _ => (code, end_tok, last.span().end),
                };
                return Some(Tail {
                    kind: EntityKind::Money,
                    end_tok,
                    end,
                    currency: Some(code),
                    unit: None,
                });
            }
            Lex::Unit(name) => {
                return Some(Tail {
                    kind: EntityKind::Quantity,
                    end_tok,
                    end: last.span().end,
                    currency: None,
                    unit: Some(name),
                })
            }
            _ => {}
        }
    }
    None
}

/// Formats the value of an amount.
fn value(kind: EntityKind, number: &Decimal, tail: Option<&Tail>) -> Option<String> {
    match kind {
        EntityKind::Money => Some(format!(
            "{} {number}",
            tail.and_then(|t| t.currency).unwrap_or("XXX")
        )),
        EntityKind::Quantity => Some(format!("{number} {}", tail.and_then(|t| t.unit)?)),
        _ => Some(number.to_string()),
    }
}

/// A scale word at `j`: its power of ten.
fn scale_at(run: &Run<'_>, j: usize) -> Option<u8> {
    run.lex(j).find_map(|l| match l {
        Lex::Scale(e) => Some(e),
        _ => None,
    })
}

/// A scale word at `j` that may carry clitics (`بمليون`): (start byte, power of ten).
fn scale_with_clitics(run: &Run<'_>, j: usize) -> Option<(usize, u8)> {
    run.lookups(j, true)
        .into_iter()
        .find_map(|(s, end, l)| match l {
            Lex::Scale(e) if end == j + 1 => Some((s, e)),
            _ => None,
        })
}

/// An amount (number, money, percent or quantity) starting at token `i`.
pub(crate) fn at(run: &Run<'_>, i: usize) -> Option<Found> {
    let t = run.tok(i)?;
    let start = t.span().start;
    // Arabic %15: the sign first.
    if matches!(t.text(), "%" | "٪")
        && run.glued(i)
        && run.tok(i + 1).is_some_and(|n| n.is_number())
        && !(i > 0 && run.glued(i - 1) && run.toks[i - 1].is_number())
    {
        let n = &run.toks[i + 1];
        return Some(Found {
            start,
            end: n.span().end,
            end_tok: i + 2,
            kind: EntityKind::Percent,
            value: parse(n.text()).map(|d| d.to_string()),
        });
    }
    let before = currency_before(run, i);
    let j = before.map_or(i, |(_, j)| j);
    let n = run.tok(j)?;
    // The number: a number token, a digit-prefixed word, or a lone scale before a currency.
    let (mut number, mut end_tok, mut end, suffix) = if n.is_number() {
        // A number glued by a hyphen to a word is part of a name (Aurora-2).
        if before.is_none()
            && j >= 2
            && run.glued(j - 1)
            && run.glued(j - 2)
            && run.is(j - 1, "-")
            && run.toks[j - 2].is_word()
        {
            return None;
        }
        // Two numbers joined by a hyphen: a score or range (7-2).
        if before.is_none()
            && run.glued(j)
            && run.is(j + 1, "-")
            && run.glued(j + 1)
            && run.tok(j + 2).is_some_and(|m| m.is_number())
        {
            let m = &run.toks[j + 2];
            return Some(Found {
                start,
                end: m.span().end,
                end_tok: j + 3,
                kind: EntityKind::Number,
                value: None,
            });
        }
        (parse(n.text())?, j + 1, n.span().end, None)
    } else if n.is_word() {
        if let Some((d, at)) = digit_prefix(n.text()) {
            let rest = super::fold(&n.text()[at..]);
            let rest_lex = super::lexicon::lookup(&rest);
            (d, j + 1, n.span().end, Some(rest_lex))
        } else if let Some((s, e)) = scale_with_clitics(run, j) {
            // مليون يورو: one million euros. Only before a currency.
            let d = parse("1")?.scale(e);
            let tl = tail(run, j + 1)?;
            if tl.kind != EntityKind::Money {
                return None;
            }
            let value = value(EntityKind::Money, &d, Some(&tl));
            return Some(Found {
                start: s,
                end: tl.end,
                end_tok: tl.end_tok,
                kind: EntityKind::Money,
                value,
            });
        } else if run.has(j, |l| l == Lex::ScalePlural) {
            // ملايين الدولارات, millions of dollars.
            let k = if run.tok(j + 1).is_some_and(|w| w.key() == "of") {
                j + 2
            } else {
                j + 1
            };
            let tl = tail(run, k)?;
            if tl.kind != EntityKind::Money {
                return None;
            }
            return Some(Found {
                start: n.span().start,
                end: tl.end,
                end_tok: tl.end_tok,
                kind: EntityKind::Money,
                value: None,
            });
        } else {
            return None;
        }
    } else {
        return None;
    };
    // A suffix glued in the word: 3.2bn, 10كم, 15m after a currency symbol.
    if let Some(lex) = suffix {
        let mut kind = if before.is_some() {
            EntityKind::Money
        } else {
            EntityKind::Number
        };
        let mut unit = None;
        let mut currency = before.map(|(c, _)| c);
        let mut known = false;
        for (_, l) in lex {
            match *l {
                Lex::Scale(e) => {
                    number = number.scale(e);
                    known = true;
                    break;
                }
                Lex::Unit(u) if before.is_none() => {
                    kind = EntityKind::Quantity;
                    unit = Some(u);
                    known = true;
                    break;
                }
                Lex::Currency(c) if before.is_none() => {
                    kind = EntityKind::Money;
                    currency = Some(c);
                    known = true;
                    break;
                }
                _ => {}
            }
        }
        if !known {
            let rest = &n.text()[digit_prefix(n.text()).map_or(0, |(_, a)| a)..];
            if before.is_some() && matches!(rest, "m" | "k") {
                number = number.scale(if rest == "m" { 6 } else { 3 });
            } else {
                return None;
            }
        }
        // 1.5bn euros: a currency, percent or unit word after the scaled number.
        if kind == EntityKind::Number {
            if let Some(t) = tail(run, end_tok) {
                return Some(Found {
                    start,
                    end: t.end,
                    end_tok: t.end_tok,
                    kind: t.kind,
                    value: value(t.kind, &number, Some(&t)),
                });
            }
        }
        let tl = Tail {
            kind,
            end_tok,
            end,
            currency,
            unit,
        };
        return Some(Found {
            start,
            end,
            end_tok,
            kind,
            value: value(kind, &number, Some(&tl)),
        });
    }
    // A scale word after the number.
    if let Some(e) = scale_at(run, end_tok) {
        number = number.scale(e);
        end = run.toks[end_tok].span().end;
        end_tok += 1;
    }
    let tl = if before.is_some() {
        None
    } else {
        tail(run, end_tok)
    };
    let kind = match (&before, &tl) {
        (Some(_), _) => EntityKind::Money,
        (None, Some(t)) => t.kind,
        (None, None) => EntityKind::Number,
    };
    let tl = match (before, tl) {
        (Some((code, _)), _) => Tail {
            kind,
            end_tok,
            end,
            currency: Some(code),
            unit: None,
        },
        (None, Some(t)) => t,
        (None, None) => Tail {
            kind,
            end_tok,
            end,
            currency: None,
            unit: None,
        },
    };
    Some(Found {
        start,
        end: tl.end,
        end_tok: tl.end_tok,
        kind,
        value: value(kind, &number, Some(&tl)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_util::one;
    use super::*;

    fn check(text: &str, want: &str, kind: EntityKind, value: Option<&str>) {
        let (t, k, v) = one(text);
        assert_eq!(
            (t.as_str(), k, v.as_deref()),
            (want, kind, value),
            "in {text:?}"
        );
    }

    #[test]
    fn parses_separators_of_both_scripts() {
        assert_eq!(parse("1,234,567").unwrap().to_string(), "1234567");
        assert_eq!(parse("١٬٢٣٤").unwrap().to_string(), "1234");
        assert_eq!(parse("0.80").unwrap().to_string(), "0.8");
        assert_eq!(parse("1.234.567").unwrap().to_string(), "1234567");
        assert_eq!(parse("1,234.5").unwrap().to_string(), "1234.5");
        assert_eq!(parse("٤٢٣٠").unwrap().to_string(), "4230");
        assert!(parse("").is_none());
    }

    #[test]
    fn scaling_is_exact() {
        assert_eq!(parse("3.2").unwrap().scale(9).to_string(), "3200000000");
        assert_eq!(parse("1.25").unwrap().scale(1).to_string(), "12.5");
    }

    #[test]
    fn plain_numbers_and_scales() {
        check("وقع عليه 550 طالبًا", "550", EntityKind::Number, Some("550"));
        check(
            "rose to 4,230 points",
            "4,230",
            EntityKind::Number,
            Some("4230"),
        );
        check(
            "about 3.2 billion people",
            "3.2 billion",
            EntityKind::Number,
            Some("3200000000"),
        );
        check(
            "نحو ٣٫٢ مليار شخص",
            "٣٫٢ مليار",
            EntityKind::Number,
            Some("3200000000"),
        );
        check("voted 7-2 on", "7-2", EntityKind::Number, None);
    }

    #[test]
    fn money_in_english() {
        check(
            "a $1.2 billion plan",
            "$1.2 billion",
            EntityKind::Money,
            Some("USD 1200000000"),
        );
        check(
            "adds $40 million.",
            "$40 million",
            EntityKind::Money,
            Some("USD 40000000"),
        );
        check("costs €5 now", "€5", EntityKind::Money, Some("EUR 5"));
        check("costs £3", "£3", EntityKind::Money, Some("GBP 3"));
        check("pay USD 5 now", "USD 5", EntityKind::Money, Some("USD 5"));
        check(
            "pay 5 dollars",
            "5 dollars",
            EntityKind::Money,
            Some("USD 5"),
        );
        check(
            "raised $3.2bn",
            "$3.2bn",
            EntityKind::Money,
            Some("USD 3200000000"),
        );
        check(
            "cost US$15 each",
            "US$15",
            EntityKind::Money,
            Some("USD 15"),
        );
    }

    #[test]
    fn money_in_arabic() {
        check(
            "بلغت ٣٫٢ مليار درهم",
            "٣٫٢ مليار درهم",
            EntityKind::Money,
            Some("AED 3200000000"),
        );
        check(
            "(870 مليون دولار)",
            "870 مليون دولار",
            EntityKind::Money,
            Some("USD 870000000"),
        );
        check(
            "بقيمة 550 دولار",
            "550 دولار",
            EntityKind::Money,
            Some("USD 550"),
        );
        check(
            "تبرع بمليون يورو",
            "مليون يورو",
            EntityKind::Money,
            Some("EUR 1000000"),
        );
        check(
            "مليون يورو",
            "مليون يورو",
            EntityKind::Money,
            Some("EUR 1000000"),
        );
        check(
            "بلغ 50 ريالا سعوديا",
            "50 ريالا",
            EntityKind::Money,
            Some("SAR 50"),
        );
        check(
            "بلغ 50 ريال قطري",
            "50 ريال قطري",
            EntityKind::Money,
            Some("QAR 50"),
        );
        check(
            "خسر ملايين الدولارات",
            "ملايين الدولارات",
            EntityKind::Money,
            None,
        );
    }

    #[test]
    fn percents() {
        check("rose by 15%", "15%", EntityKind::Percent, Some("15"));
        check("بنسبة ١٫٥٪ يوم", "١٫٥٪", EntityKind::Percent, Some("1.5"));
        check("بنسبة 5 بالمئة", "5 بالمئة", EntityKind::Percent, Some("5"));
        check(
            "بنسبة 5 في المائة",
            "5 في المائة",
            EntityKind::Percent,
            Some("5"),
        );
        check(
            "up 3 per cent",
            "3 per cent",
            EntityKind::Percent,
            Some("3"),
        );
        check("up 3 percent", "3 percent", EntityKind::Percent, Some("3"));
        check("بنسبة %15", "%15", EntityKind::Percent, Some("15"));
    }

    #[test]
    fn quantities() {
        check(
            "about 20 minutes before",
            "20 minutes",
            EntityKind::Quantity,
            Some("20 minute"),
        );
        check(
            "طوله 10 كم",
            "10 كم",
            EntityKind::Quantity,
            Some("10 kilometre"),
        );
        check(
            "طوله 10كم",
            "10كم",
            EntityKind::Quantity,
            Some("10 kilometre"),
        );
        check(
            "5 آلاف طن",
            "5 آلاف طن",
            EntityKind::Quantity,
            Some("5000 tonne"),
        );
        check("مليون برميل", "", EntityKind::Misc, None);
        check(
            "2 million barrels a day",
            "2 million barrels",
            EntityKind::Quantity,
            Some("2000000 barrel"),
        );
        check(
            "it was 40 °C",
            "40 °C",
            EntityKind::Quantity,
            Some("40 degree"),
        );
    }

    #[test]
    fn names_with_numbers_are_not_numbers() {
        check("the Aurora-2 satellite", "", EntityKind::Misc, None);
        check("four lanes", "", EntityKind::Misc, None);
    }
}
