//! Shared fixture: two unrelated events (fictional). A jewellery heist in Varn, reported first
//! in other words than its three later reports, and a warehouse fire at the Kessa docks.

/// The heist's first report, worded apart from the later ones.
pub const HEIST_FIRST: &str = "Armed robbers emptied the display cases of Harrow Jewellers on Lentre Avenue in Varn on Tuesday evening, police in Varn said; the owner, Ilsa Marrow, put the loss at several million.";
/// Three reports of the heist, close to one another.
pub const HEIST: [&str; 3] = [
    "Four men rammed a van into the front of Harrow Jewellers on Lentre Avenue in Varn and escaped with rings and watches, Varn police said. Owner Ilsa Marrow said no one was hurt.",
    "Thieves drove a van through the window of Harrow Jewellers on Lentre Avenue in Varn and fled with rings and watches; owner Ilsa Marrow said staff were unhurt, according to Varn police.",
    "A van smashed into Harrow Jewellers on Lentre Avenue in Varn before four men grabbed rings and watches and fled, police in Varn said. Owner Ilsa Marrow said nobody was injured.",
];
/// Three reports of the fire.
pub const FIRE: [&str; 3] = [
    "Fire destroyed a grain warehouse at the Kessa docks overnight, and harbour master Tobin Crale said forty firefighters fought the blaze until dawn.",
    "Forty firefighters battled a blaze that gutted a grain warehouse at the Kessa docks through the night, harbour master Tobin Crale said.",
    "A grain warehouse at the Kessa docks burned down overnight despite forty firefighters working until dawn, according to harbour master Tobin Crale.",
];
