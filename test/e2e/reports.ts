// Reports the end-to-end tests feed to sitrep, written for these tests (no corpus text). Each one
// states its facts plainly, so what a reader would extract from it by hand is written beside it.

/**
 * A wire story. March 3, 2025 was a Monday, so "on Monday" is that day. Tal Afar is in Nineveh,
 * Iraq, at about 36.38 N, 42.45 E.
 */
export const TAL_AFAR_TXT = [
  "Roadside bomb kills soldiers near Tal Afar",
  "",
  "MOSUL, March 3, 2025 — A roadside bomb killed three soldiers near Tal Afar on Monday, officials said.",
  "",
  "The Islamic State claimed responsibility for the blast in a statement on its Amaq channel.",
  "",
].join("\n");

/**
 * A monitoring digest with YAML front matter, published after the quarter it counts, so the
 * figure's period is the whole quarter. The Syrian killing names no group.
 */
export const DIGEST_MD = [
  "---",
  "title: Monthly security digest",
  "date: 2025-04-10",
  "---",
  "",
  "# Monthly security digest",
  "",
  "Unidentified gunmen shot dead two farmers near Deir ez-Zor on 14 February 2025, a local monitor said.",
  "",
  "The monitor counted 27 attacks claimed by the Islamic State in Iraq in the first three months of 2025.",
  "",
].join("\n");

export const DIGEST_TITLE = "Monthly security digest";
export const FIGURE_SENTENCE = "The monitor counted 27 attacks claimed by the Islamic State in Iraq in the first three months of 2025.";

/**
 * A news page with the clutter real pages carry: navigation, a tracking script, a footer. March
 * 12, 2025 was a Wednesday, so "on Tuesday" is March 11. "Daesh" is the Islamic State.
 */
export const BAGHDAD_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Police arrest cell in Baghdad | The Evening Courier</title>
<meta property="og:site_name" content="The Evening Courier">
<meta property="article:published_time" content="2025-03-12T08:00:00Z">
<script>window.trackingPixel = "courier-analytics-7731";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Police arrest cell in Baghdad</h1>
<p>BAGHDAD, March 12, 2025 — Iraqi police arrested five suspected Daesh members in Baghdad on Tuesday, the interior ministry said.</p>
<p>The men were planning attacks on markets in the capital, according to the ministry's statement.</p>
</article>
<footer>Copyright The Evening Courier. All rights reserved.</footer>
</body>
</html>
`;

/** April 2, 2025 was a Wednesday. Hawija is in Kirkuk province, Iraq. */
export const HAWIJA_TXT =
  "KIRKUK, April 2, 2025 — Two civilians were killed when a mortar shell hit a market in Hawija on Wednesday, police said.\n";
