//! A macro for the closed sets of codes the domain uses (networks, themes,
//! categories, roles…): each code has a stable text form used in the database,
//! exports and the CLI, and a French label shown to people.
//!
//! Codes are never translated; labels are.

/// Declares a `Copy` enum with `code()`, `label_fr()`, `parse()` and `ALL`.
macro_rules! codes {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal {
            $($variant:ident = $code:literal, $fr:literal;)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code (database, exports, CLI).
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The label the French interface shows.
            pub fn label_fr(self) -> &'static str {
                match self {
                    $($name::$variant => $fr,)+
                }
            }

            /// Parses a code (exact, lower case).
            pub fn parse(raw: &str) -> Result<Self, $crate::error::DomainError> {
                match raw {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::error::DomainError::UnknownCode {
                        what: $what,
                        value: raw.to_string(),
                        expected: [$($code),+].join(", "),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::error::DomainError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
    };
}

pub(crate) use codes;
