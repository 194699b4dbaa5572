//! Scoring helpers shared by the evaluation subcommands: exact-span precision, recall and F1,
//! and the small table every subcommand prints.
//!
//! A predicted item counts as correct only when an identical item is in the gold list (same
//! start, same end, and for labelled items the same label). Each gold item can be matched once,
//! so duplicates on either side do not inflate the score.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::AddAssign;

/// Matched, predicted and gold counts for one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted items that equal a gold item.
    pub correct: usize,
    /// All predicted items.
    pub predicted: usize,
    /// All gold items.
    pub gold: usize,
}

impl Counts {
    /// Counts exact matches between `predicted` and `gold` (any order, duplicates matched once).
    pub fn of<T: Ord + Clone>(predicted: &[T], gold: &[T]) -> Counts {
        let mut remaining: BTreeMap<T, usize> = BTreeMap::new();
        for g in gold {
            *remaining.entry(g.clone()).or_insert(0) += 1;
        }
        let mut correct = 0;
        for p in predicted {
            if let Some(n) = remaining.get_mut(p) {
                if *n > 0 {
                    *n -= 1;
                    correct += 1;
                }
            }
        }
        Counts {
            correct,
            predicted: predicted.len(),
            gold: gold.len(),
        }
    }

    /// Correct / predicted (1 when nothing was predicted and nothing was expected).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted, self.gold == 0)
    }

    /// Correct / gold (1 when there was nothing to find and nothing was predicted).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold, self.predicted == 0)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(num: usize, den: usize, empty_is_perfect: bool) -> f64 {
    if den == 0 {
        if empty_is_perfect {
            1.0
        } else {
            0.0
        }
    } else {
        num as f64 / den as f64
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

impl fmt::Display for Counts {
    /// `P R F1` as three fixed-width columns.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:>6.4} {:>6.4} {:>6.4}",
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

/// A plain-text table: a header row, then one row per dataset; columns are padded to fit.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles.
    pub fn new(header: &[&str]) -> Table {
        Table {
            rows: vec![header.iter().map(|s| s.to_string()).collect()],
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for (n, row) in self.rows.iter().enumerate() {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(c, (cell, w))| {
                    if c == 0 {
                        format!("{cell:<w$}")
                    } else {
                        format!("{cell:>w$}")
                    }
                })
                .collect();
            writeln!(f, "{}", line.join("  ").trim_end())?;
            if n == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                writeln!(f, "{}", rule.join("  "))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_matches_only_and_each_gold_once() {
        let gold = [(0, 3), (4, 7), (4, 7)];
        let predicted = [(0, 3), (4, 7), (4, 7), (4, 7), (5, 7)];
        let c = Counts::of(&predicted, &gold);
        assert_eq!(
            c,
            Counts {
                correct: 3,
                predicted: 5,
                gold: 3
            }
        );
        assert!((c.precision() - 0.6).abs() < 1e-12);
        assert!((c.recall() - 1.0).abs() < 1e-12);
        assert!((c.f1() - 0.75).abs() < 1e-12);
    }

    #[test]
    fn empty_sides_do_not_divide_by_zero() {
        let none: [(usize, usize); 0] = [];
        assert_eq!(Counts::of(&none, &none).f1(), 1.0);
        assert_eq!(Counts::of(&[(0, 1)], &none).f1(), 0.0);
        assert_eq!(Counts::of(&none, &[(0, 1)]).f1(), 0.0);
    }

    #[test]
    fn counts_add_up_across_documents() {
        let mut total = Counts::default();
        total += Counts::of(&[1, 2], &[2]);
        total += Counts::of(&[3], &[3, 4]);
        assert_eq!(
            total,
            Counts {
                correct: 2,
                predicted: 3,
                gold: 3
            }
        );
    }

    #[test]
    fn table_pads_columns() {
        let mut t = Table::new(&["dataset", "F1"]);
        t.row(vec!["ewt".into(), "0.5".into()]);
        assert_eq!(t.to_string(), "dataset   F1\n-------  ---\newt      0.5\n");
    }
}
