//! Exact 学时 amounts: a fixed-point number of hundredths of an hour, so that half hours and the
//! hours of many records add up without binary floating-point drift.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Sub};

use serde::{Serialize, Serializer};

/// Hundredths of an hour per hour.
const SCALE: i64 = 100;

/// An exact amount of 学时 (two decimal places).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours(#[cfg_attr(feature = "ts", ts(type = "number"))] i64);

/// Why a number could not be taken as an amount of hours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("不能是负数")]
    Negative,
    #[error("最多保留两位小数")]
    TooPrecise,
    #[error("数值过大，最多 1000000 学时")]
    TooLarge,
    #[error("不是有效的数字")]
    NotFinite,
}

impl Hours {
    pub const ZERO: Hours = Hours(0);
    /// The largest amount accepted anywhere (a whole career of training).
    pub const MAX: Hours = Hours(1_000_000 * SCALE);

    /// Whole hours.
    pub const fn whole(h: i64) -> Hours {
        Hours(h * SCALE)
    }

    /// Hundredths of an hour, the internal representation.
    pub const fn from_hundredths(h: i64) -> Hours {
        Hours(h)
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// Takes a decimal number such as `1.5` exactly; refuses negative values, more than two decimals
    /// and absurd sizes.
    pub fn from_f64(value: f64) -> Result<Hours, HoursError> {
        if !value.is_finite() {
            return Err(HoursError::NotFinite);
        }
        if value < 0.0 {
            return Err(HoursError::Negative);
        }
        let scaled = value * SCALE as f64;
        if scaled > Hours::MAX.0 as f64 {
            return Err(HoursError::TooLarge);
        }
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 1e-6 {
            return Err(HoursError::TooPrecise);
        }
        Ok(Hours(rounded as i64))
    }

    /// The amount as a float, for output only (exact for two decimals).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    /// `self - other`, but never below zero: what is still missing.
    pub fn shortfall_to(self, target: Hours) -> Hours {
        if self >= target { Hours::ZERO } else { Hours(target.0 - self.0) }
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl Add for Hours {
    type Output = Hours;
    fn add(self, rhs: Hours) -> Hours {
        Hours(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Hours {
    fn add_assign(&mut self, rhs: Hours) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl Sub for Hours {
    type Output = Hours;
    fn sub(self, rhs: Hours) -> Hours {
        Hours(self.0.saturating_sub(rhs.0))
    }
}

/// Hours per unit times a count of units (days, modules, …).
impl Mul<u32> for Hours {
    type Output = Hours;
    fn mul(self, rhs: u32) -> Hours {
        Hours(self.0.saturating_mul(i64::from(rhs)))
    }
}

/// A rate per hour times an amount of hours (e.g. 1 学时 per online hour).
impl Mul<Hours> for Hours {
    type Output = Hours;
    // Both sides are fixed-point with the same scale: the product must be scaled back once.
    #[allow(clippy::suspicious_arithmetic_impl)]
    fn mul(self, rhs: Hours) -> Hours {
        Hours(self.0.saturating_mul(rhs.0) / SCALE)
    }
}

impl Sum for Hours {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> Hours {
        iter.fold(Hours::ZERO, Add::add)
    }
}

impl fmt::Display for Hours {
    /// `12`, `12.5`, `12.25`: no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / SCALE as u64;
        let frac = abs % SCALE as u64;
        let text = if frac == 0 {
            format!("{sign}{whole}")
        } else if frac.is_multiple_of(10) {
            format!("{sign}{whole}.{}", frac / 10)
        } else {
            format!("{sign}{whole}.{frac:02}")
        };
        f.pad(&text)
    }
}

impl Serialize for Hours {
    /// A JSON number: an integer when whole, else the shortest decimal (12.5).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % SCALE == 0 {
            serializer.serialize_i64(self.0 / SCALE)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_hours_add_up_exactly() {
        let half = Hours::from_f64(0.1).unwrap();
        let total: Hours = std::iter::repeat_n(half, 30).sum();
        assert_eq!(total, Hours::whole(3));
    }

    #[test]
    fn negative_and_overly_precise_amounts_are_refused() {
        assert_eq!(Hours::from_f64(-1.0), Err(HoursError::Negative));
        assert_eq!(Hours::from_f64(1.234), Err(HoursError::TooPrecise));
        assert_eq!(Hours::from_f64(f64::NAN), Err(HoursError::NotFinite));
        assert_eq!(Hours::from_f64(1e12), Err(HoursError::TooLarge));
    }

    #[test]
    fn display_drops_trailing_zeros() {
        assert_eq!(Hours::from_f64(12.0).unwrap().to_string(), "12");
        assert_eq!(Hours::from_f64(12.5).unwrap().to_string(), "12.5");
        assert_eq!(Hours::from_f64(12.25).unwrap().to_string(), "12.25");
    }

    #[test]
    fn serializes_as_a_plain_json_number() {
        let json = serde_json::to_string(&[Hours::whole(90), Hours::from_f64(1.5).unwrap()]).unwrap();
        assert_eq!(json, "[90,1.5]");
    }

    #[test]
    fn rate_times_hours_keeps_two_decimals() {
        let rate = Hours::whole(1);
        assert_eq!(rate * Hours::from_f64(2.5).unwrap(), Hours::from_f64(2.5).unwrap());
    }

    #[test]
    fn shortfall_never_goes_below_zero() {
        assert_eq!(Hours::whole(100).shortfall_to(Hours::whole(90)), Hours::ZERO);
        assert_eq!(Hours::whole(60).shortfall_to(Hours::whole(90)), Hours::whole(30));
    }
}
