"""The demo city's data: Lappeenranta's school areas and schools, pupil numbers, models, lessors and the
mix of device statuses. ``demo/city.py`` builds the store from them."""

from __future__ import annotations

from inventory_app.core.enums import DeviceStatus, SiteKind

# Lappeenranta's five collaboration areas of basic education and their schools (the city's own list),
# with the upper secondary schools, a few day-care centres and the education office beside them.
CITY_PLAN: tuple[tuple[str, str, tuple[tuple[SiteKind, str], ...]], ...] = (
    (
        "Joutseno",
        "JOU",
        (
            (SiteKind.COMPREHENSIVE, "Joutsenon koulu"),
            (SiteKind.PRIMARY, "Korvenkylän koulu"),
            (SiteKind.PRIMARY, "Pulpin koulu"),
            (SiteKind.EARLY_CHILDHOOD, "Taimitarhan päiväkoti"),
        ),
    ),
    (
        "Kesämäki",
        "KES",
        (
            (SiteKind.COMPREHENSIVE, "Kesämäen koulu"),
            (SiteKind.PRIMARY, "Lönnrotin koulu"),
            (SiteKind.PRIMARY, "Simolan koulu"),
            (SiteKind.PRIMARY, "Voisalmen koulu"),
            (SiteKind.PRIMARY, "Ylämaan koulu"),
            (SiteKind.EARLY_CHILDHOOD, "Peltolan päiväkoti"),
            (SiteKind.UPPER_SECONDARY, "Lappeenrannan lyseon lukio"),
            (SiteKind.OTHER, "Kasvatus- ja opetuspalvelut"),
        ),
    ),
    (
        "Kimpinen",
        "KIM",
        (
            (SiteKind.COMPREHENSIVE, "Kimpisen koulu"),
            (SiteKind.PRIMARY, "Kaukaan koulu"),
            (SiteKind.PRIMARY, "Kasukkalan koulu"),
            (SiteKind.PRIMARY, "Myllymäen koulu"),
            (SiteKind.UPPER_SECONDARY, "Kimpisen lukio"),
            (SiteKind.EARLY_CHILDHOOD, "Karhuvuoren päiväkoti"),
        ),
    ),
    (
        "Lauritsala",
        "LAU",
        (
            (SiteKind.COMPREHENSIVE, "Lauritsalan koulu"),
            (SiteKind.PRIMARY, "Pontuksen koulu"),
            (SiteKind.PRIMARY, "Nuijamaan koulu"),
            (SiteKind.EARLY_CHILDHOOD, "Pontuksen päiväkoti"),
            (SiteKind.EARLY_CHILDHOOD, "Lauritsalan päiväkoti"),
        ),
    ),
    (
        "Sammonlahti",
        "SAM",
        (
            (SiteKind.COMPREHENSIVE, "Sammonlahden koulu"),
            (SiteKind.PRIMARY, "Lappeen koulu"),
            (SiteKind.EARLY_CHILDHOOD, "Sammontalon päiväkoti"),
        ),
    ),
)
DEMO_TAG_PREFIX = "LPR"
PUPILS = {
    SiteKind.EARLY_CHILDHOOD: (40, 120),
    SiteKind.PRIMARY: (200, 450),
    SiteKind.LOWER_SECONDARY: (350, 650),
    SiteKind.COMPREHENSIVE: (500, 900),
    SiteKind.UPPER_SECONDARY: (800, 1200),
    SiteKind.OTHER: (0, 0),
}
# Pupil devices per pupil the city aims for, by site kind (the ICT plan's common target level).
PUPIL_TARGET = {
    SiteKind.EARLY_CHILDHOOD: 0.2,
    SiteKind.PRIMARY: 0.5,
    SiteKind.LOWER_SECONDARY: 1.0,
    SiteKind.COMPREHENSIVE: 0.75,
    SiteKind.UPPER_SECONDARY: 1.0,
    SiteKind.OTHER: 0.0,
}
MODELS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "projector": (("Epson", "EB-W49", 650_00), ("BenQ", "MW560", 520_00)),
    "display": (("Samsung", "QM65C", 1400_00), ("LG", "65UH5J", 1250_00)),
    "interactive_display": (("Promethean", "ActivPanel 9 75", 3900_00), ("SMART", "Board MX275", 3600_00)),
    "document_camera": (("IPEVO", "V4K", 110_00), ("Lumens", "DC136", 290_00)),
    "audio": (("Genelec", "G Two", 900_00), ("Yamaha", "VXS5", 420_00)),
    "pupil_laptop": (
        ("Lenovo", "ThinkPad 11e", 420_00),
        ("HP", "ProBook 440 G9", 690_00),
        ("Dell", "Latitude 3140", 560_00),
    ),
    "chromebook": (("Acer", "Chromebook Spin 511", 330_00), ("Lenovo", "300e Chromebook", 310_00)),
    "tablet": (("Apple", "iPad 10.2", 380_00), ("Samsung", "Galaxy Tab A8", 230_00)),
    "staff_laptop": (
        ("Lenovo", "ThinkPad L14", 890_00),
        ("HP", "EliteBook 640 G10", 1050_00),
        ("Dell", "Latitude 5440", 990_00),
    ),
    "staff_desktop": (("HP", "ProDesk 400 G7", 720_00), ("Lenovo", "ThinkCentre M70q", 680_00)),
    "staff_tablet": (("Apple", "iPad Air", 690_00),),
    "printer": (("Kyocera", "ECOSYS M3655idn", 890_00), ("HP", "LaserJet M507", 640_00)),
    "access_point": (("Aruba", "AP-515", 520_00), ("Cisco", "Meraki MR36", 480_00)),
}
LESSORS = (
    ("Kuntaleasing Oy", "KL-2021-07"),
    ("Nordic Device Finance", "NDF-4410"),
    ("Kuntaleasing Oy", "KL-2023-02"),
    ("Tech Lease Finland", "TLF-889"),
)
STATUS_WEIGHTS = (
    (DeviceStatus.IN_USE, 88),
    (DeviceStatus.SPARE, 4),
    (DeviceStatus.BROKEN, 3),
    (DeviceStatus.IN_REPAIR, 1),
    (DeviceStatus.LOST, 1),
    (DeviceStatus.RETIRED, 3),
)
