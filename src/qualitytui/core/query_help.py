"""The query language in brief, for the CLI's and the app's help (kept free of imports: the CLI
builds its help on every start). The language itself: query.py."""

SYNTAX = (
    ("质量强链 好品山东", "passages with all of these words (however the text was segmented)"),
    ("青岛 OR 济南, 青岛|济南", "either word"),
    ('"质量 强链"', "a phrase: the words together, in this order"),
    ("-青岛, NOT 青岛", "leave out passages with this word (AND adds nothing: all words are needed)"),
    ("laoshan, qdyp", "pinyin, whole syllables or initials, finds 崂山, 青岛优品 (tones may be typed: láoshān, lao2shan1)"),
    ("質量強鏈, ＮＱＩ, nqi", "traditional characters, full-width forms and Latin case do not matter"),
    ("doc:ID kind:heading", "filters: a document, a passage kind;"),
    ("type:person entity:青岛啤酒", "passages naming an entity of a type, or by name (entity:qingpi: in pinyin);"),
    ("year:2025", "passages with a date in that year (year:2023..2025: in those years);"),
    ("date:2024-03", "passages of documents dated then (date:2023..2024-06, date:2024..). Alone, filters list the passages that pass them;"),
    ("entity:崂山区 entity:高善武", "filters typed apart all hold: passages naming both; entity:崂山区|高善武: either"),
    ("-doc:ID, NOT kind:furniture", "a filter left out: the passages that do not pass it"),
    ('doc:"2024-03 青岛日报"', "a value with spaces in quotes"),
    ("sort:newest, sort:oldest", "hits by their documents' dates, not best first"),
)
