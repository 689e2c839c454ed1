//! Shared fixture: two same-kind events by one company (fictional).

/// Two recalls by one carmaker: the Torvel brake recall announced in Haldra (A) and, weeks
/// later, the Torvel airbag recall announced in Mesk (B). Same company, same spokesperson,
/// same vocabulary.
pub const RECALLS: [&str; 12] = [
    "Carmaker Torvel is recalling 40,000 Kestra sedans over faulty brake pumps, spokeswoman Lina Marsk said in Haldra on Monday. Torvel said dealers will replace the brake pumps free of charge.",
    "Torvel recalls 40,000 Kestra cars: the brake pumps can fail in cold weather, Lina Marsk told reporters in Haldra. Owners of the Kestra sedans will get letters, Torvel said.",
    "The Kestra brake recall covers 40,000 sedans built at the Haldra plant, Torvel spokeswoman Lina Marsk said. Torvel dealers will fix the brake pumps.",
    "Torvel spokeswoman Lina Marsk said in Mesk on Thursday that the carmaker is recalling 12,500 Orvo vans because airbag sensors can misfire. Torvel dealers will replace the airbag sensors free of charge.",
    "In Haldra, Torvel said the recall of 40,000 Kestra sedans follows 17 reports of brake pump failures. Lina Marsk said no crashes were reported.",
    "Torvel is recalling 12,500 Orvo vans over airbag sensors, Lina Marsk said in Mesk. The Orvo airbag sensors can misfire in wet weather, the carmaker said.",
    "The Orvo van recall, announced by Torvel in Mesk, covers 12,500 vehicles with faulty airbag sensors, spokeswoman Lina Marsk said. Dealers will replace the Orvo sensors.",
    "Torvel's Kestra recall: 40,000 sedans, faulty brake pumps, 17 reported failures in Haldra, said Lina Marsk.",
    "Airbag sensors in 12,500 Orvo vans can misfire, Torvel said in Mesk, announcing a recall. Lina Marsk said 9 misfires were reported.",
    "Owners of Orvo vans will get letters about the airbag sensor recall, Torvel spokeswoman Lina Marsk said in Mesk. 12,500 Orvo vans are affected.",
    "The Kestra brake pump recall in Haldra covers 40,000 sedans, Torvel confirmed; Lina Marsk said letters go out this week.",
    "Torvel recalls 12,500 Orvo vans from its Mesk plant after 9 airbag sensor misfires, Lina Marsk said.",
];

pub const BRAKES: [usize; 5] = [0, 1, 2, 4, 7];
pub const AIRBAGS: [usize; 6] = [3, 5, 6, 8, 9, 11];
