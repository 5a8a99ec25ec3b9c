//! Each municipality's income tax rates by year (Skatteverket, skattesatser), a lookup by
//! kommunkod or name, and close-name suggestions for a name that is not there.

use rust_decimal::Decimal;

/// A municipality's rates for one income year, as fractions (0.2319 is 23.19 %).
///
/// ```
/// let m: &samkalk::tax::Municipality = samkalk::tax::municipalities(2025).unwrap().find("0192").unwrap();
/// assert_eq!((m.name.as_str(), m.regional_rate.to_string(), m.burial_fee.to_string()), ("Nynäshamn", "0.1238".to_string(), "0.00293".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Kommunkod, four digits ("2262"); its first two digits are the county (län).
    pub code: String,
    /// The municipality's name ("Timrå").
    pub name: String,
    /// Municipal income tax.
    pub municipal_rate: Decimal,
    /// Regional income tax; 0 for Gotland, whose municipal rate covers both.
    pub regional_rate: Decimal,
    /// Begravningsavgift (not booked by samkalk; it picks the tax table with the rates).
    pub burial_fee: Decimal,
}

/// The municipalities of one income year, with the source and the national average rates
/// that a scenario gets when it names no municipality.
///
/// ```
/// let year: &samkalk::tax::MunicipalityYear = samkalk::tax::municipalities(2025).unwrap();
/// assert_eq!(year.year, 2025);
/// assert!(year.national_municipal > year.national_regional);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityYear {
    /// The income year.
    pub year: i64,
    /// Where the rates come from (publisher, document, year).
    pub source: String,
    /// How the rates are checked: `two`, `one` or `not` (see data/tax.toml).
    pub verified: String,
    /// The national average municipal rate.
    pub national_municipal: Decimal,
    /// The national average regional rate.
    pub national_regional: Decimal,
    /// Where the national averages come from.
    pub national_source: String,
    /// Every municipality of the year, by kommunkod.
    pub municipalities: Vec<Municipality>,
}

/// Lower case, with å, ä, ö (and é, ü) kept apart from a, o, e: "Timrå" and "TIMRÅ" are the
/// same name, "Timra" is not. Only the letters of Swedish municipality names are mapped (the
/// full Unicode tables would add their weight to the WebAssembly build).
fn lower(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'Å' => 'å',
            'Ä' => 'ä',
            'Ö' => 'ö',
            'É' => 'é',
            'Ü' => 'ü',
            c => c,
        })
        .collect()
}

/// For suggestions only: the letters a reader without a Swedish keyboard might type instead.
fn plain(s: &str) -> Vec<char> {
    lower(s)
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        })
        .collect()
}

/// Levenshtein distance between two strings of characters.
pub(crate) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

impl MunicipalityYear {
    /// The municipality a kommunkod ("2262") or a name ("Timrå", any case) names; otherwise
    /// up to five close names (by edit distance, å/ä/ö read as a/o), best first.
    ///
    /// ```
    /// let year = samkalk::tax::municipalities(2025).unwrap();
    /// assert_eq!(year.find("trelleborg").unwrap().name, "Trelleborg");
    /// // An unknown name gives the nearest names to suggest.
    /// assert!(year.find("Trelleborgg").unwrap_err()[0].contains("Trelleborg"));
    /// ```
    pub fn find(&self, query: &str) -> Result<&Municipality, Vec<String>> {
        let q = query.trim();
        if let Some(m) = self.municipalities.iter().find(|m| m.code == q) {
            return Ok(m);
        }
        let lq = lower(q);
        if let Some(m) = self.municipalities.iter().find(|m| lower(&m.name) == lq) {
            return Ok(m);
        }
        let pq = plain(q);
        let mut scored: Vec<(usize, &Municipality)> = self
            .municipalities
            .iter()
            .map(|m| {
                let name = plain(&m.name);
                let prefix = name.len() >= pq.len() && !pq.is_empty() && name[..pq.len()] == pq[..];
                (if prefix { 0 } else { edit_distance(&pq, &name) }, m)
            })
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        let limit = (pq.len() / 2).max(2);
        Err(scored.iter().filter(|(d, _)| *d <= limit).take(5).map(|(_, m)| format!("{} ({})", m.name, m.code)).collect())
    }
}

/// Reads `kommunkod;kommun;kommunalskatt;regionskatt;begravningsavgift` (percent) rows.
pub(crate) fn read_csv(text: &str) -> Result<Vec<Municipality>, String> {
    let hundred = Decimal::ONE_HUNDRED;
    let pct = |s: &str, at: &str| -> Result<Decimal, String> {
        if s.trim().is_empty() {
            return Ok(Decimal::ZERO);
        }
        let d = crate::number::parse_decimal(s.trim()).map_err(|e| format!("{at}: {e:?}"))?;
        d.checked_div(hundred).ok_or(format!("{at}: out of range"))
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split(';').collect();
        if cells.len() != 5 {
            return Err(format!("line {}: expected 5 fields, got {}", i + 1, cells.len()));
        }
        let at = format!("line {}", i + 1);
        out.push(Municipality {
            code: cells[0].trim().to_string(),
            name: cells[1].trim().to_string(),
            municipal_rate: pct(cells[2], &at)?,
            regional_rate: pct(cells[3], &at)?,
            burial_fee: pct(cells[4], &at)?,
        });
    }
    Ok(out)
}
