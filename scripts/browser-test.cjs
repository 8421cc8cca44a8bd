// Driver of scripts/browser-test: loads tifa's HTML pages in headless Chromium through
// playwright-core and checks them through the DOM. Exits non-zero with a message per failure.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const { chromium } = require("playwright-core");

function args() {
  const a = {};
  const v = process.argv.slice(2);
  for (let i = 0; i < v.length; i += 2) a[v[i].replace(/^--/, "")] = v[i + 1];
  for (const k of ["chromium", "seed", "page", "index", "out"]) {
    if (!a[k]) throw new Error(`missing --${k}`);
  }
  return a;
}

// The seed's terms as machine translation rendered them, and what their cards must show.
const EXPECTED = [
  { text: "protective umbrellas", zh: ["保护伞"] },
  { text: "relationship networks", zh: ["关系网"] },
  { text: "breaking money and breaking blood", zh: ["打财断血"] },
  { text: "bottom of the black money", zh: ["黑财清底"] },
  { text: "second half article", zh: ["后半篇文章"] },
  { text: "nail case", zh: ["钉子案"] },
  { text: "bone case", zh: ["骨头案"] },
  { text: "safe China", zh: ["平安中国"] },
  { text: "do not let go, do not make up the number", zh: ["不放过", "不凑数"] },
];

const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
  return ok;
}

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// Everything the page loads must come from the page itself.
function guard(page, label) {
  page.on("request", (r) => {
    const u = r.url();
    check(u.startsWith("file:") || u.startsWith("data:"), `${label}: the page fetched ${u}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") check(false, `${label}: console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => check(false, `${label}: script error: ${e.message}`));
}

// State of the card of the mark matching `text`, after an optional action.
async function cardState(page, text) {
  return page.evaluate((text) => {
    const norm = (s) => s.replace(/\s+/g, " ").trim().toLowerCase();
    const own = (m) => {
      const c = m.cloneNode(true);
      c.querySelectorAll(".card").forEach((x) => x.remove());
      return norm(c.textContent);
    };
    const mark = [...document.querySelectorAll(".text mark.t")].find((m) => own(m).includes(norm(text)));
    if (!mark) return null;
    const card = mark.nextElementSibling;
    const r = card && card.getBoundingClientRect();
    const cs = card && getComputedStyle(card);
    let onTop = false;
    if (r && r.width > 0) {
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(20, r.height / 2));
      onTop = !!hit && card.contains(hit);
    }
    return {
      id: mark.id,
      entry: mark.dataset.e,
      form: mark.dataset.form,
      describedby: mark.getAttribute("aria-describedby"),
      isCard: !!card && card.classList.contains("card"),
      cardId: card && card.id,
      role: card && card.getAttribute("role"),
      display: cs && cs.display,
      rect: r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: { w: document.documentElement.clientWidth, h: window.innerHeight },
      onTop,
      zh: card ? (card.querySelector(".c-zh") || {}).textContent : null,
      flag: card && card.querySelector(".c-flag.f-lit") ? card.querySelector(".c-flag.f-lit").textContent : null,
      focused: document.activeElement === mark,
    };
  }, text);
}

function visible(s) {
  return (
    s && s.display !== "none" && s.rect.width > 40 && s.rect.height > 20 && s.onTop &&
    s.rect.left >= 0 && s.rect.right <= s.viewport.w + 0.5 && s.rect.top >= 0 && s.rect.bottom <= s.viewport.h + 0.5
  );
}

async function focusMark(page, id) {
  await page.evaluate((id) => {
    const m = document.getElementById(id);
    m.scrollIntoView({ block: "center" });
    m.focus();
  }, id);
}

async function checkSeed(browser, a) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  guard(page, "seed page");
  await page.goto(pathToFileURL(a.page).href);

  // The page: one script (ours), the text region equal to the input.
  const seedText = fs.readFileSync(a.seed, "utf8");
  const facts = await page.evaluate(() => {
    const box = document.querySelector(".text").cloneNode(true);
    box.querySelectorAll(".card").forEach((c) => c.remove());
    return {
      scripts: document.querySelectorAll("script").length,
      text: box.textContent,
      marks: document.querySelectorAll(".text mark.t").length,
      glossary: document.querySelectorAll(".terms .glossary > li").length,
      title: document.title,
      brokenLinks: [...document.querySelectorAll('a[href^="#"]')]
        .map((x) => x.getAttribute("href").slice(1))
        .filter((id) => !document.getElementById(decodeURIComponent(id))),
    };
  });
  check(facts.scripts === 1, `seed page: ${facts.scripts} script elements, expected 1`);
  check(facts.text === seedText, "seed page: the text region differs from the seed text");
  check(facts.marks >= EXPECTED.length, `seed page: only ${facts.marks} highlighted terms`);
  check(facts.glossary > 0, "seed page: the terms section is empty");
  check(facts.brokenLinks.length === 0, `seed page: links to missing anchors: ${facts.brokenLinks.slice(0, 5).join(", ")}`);
  check(/000_233ae4298ae7c3b1/.test(facts.title), `seed page: title is ${JSON.stringify(facts.title)}`);

  // Keyboard: the first Tab from the top reaches the first term and opens its card.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const m = document.activeElement;
    return m && m.matches("mark.t") ? m.id : null;
  });
  check(first !== null, "seed page: Tab does not reach a highlighted term");

  for (const t of EXPECTED) {
    const label = `seed page: "${t.text}"`;
    let s = await cardState(page, t.text);
    if (!check(s !== null, `${label} is not highlighted`)) continue;
    check(s.isCard && s.role === "tooltip", `${label} has no card`);
    check(s.describedby === s.cardId, `${label}: aria-describedby does not name its card`);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.mouse.move(0, 0);
    s = await cardState(page, t.text);
    check(s.display === "none", `${label}: card visible before focus or hover`);

    await focusMark(page, s.id);
    s = await cardState(page, t.text);
    check(s.focused, `${label}: the highlight cannot take focus`);
    check(visible(s), `${label}: card not visible on focus (${JSON.stringify({ display: s.display, rect: s.rect, onTop: s.onTop })})`);
    const zh = (s.zh || "").trim();
    check(t.zh.every((z) => zh.includes(z)), `${label}: card shows ${JSON.stringify(zh)}, expected ${t.zh.join(" … ")}`);
    if (s.form === "literal") check(!!s.flag, `${label}: literal rendering not flagged in its card`);
    await page.keyboard.press("Escape");
    s = await cardState(page, t.text);
    check(s.display === "none", `${label}: Escape does not close the card`);

    // Hover opens it too.
    const r = await page.evaluate((id) => {
      const m = document.getElementById(id);
      m.scrollIntoView({ block: "center" });
      const q = m.getClientRects()[0];
      return { x: q.left + Math.min(8, q.width / 2), y: q.top + q.height / 2 };
    }, s.id);
    await page.mouse.move(r.x, r.y);
    s = await cardState(page, t.text);
    check(visible(s), `${label}: card not visible on hover`);
    await page.mouse.move(0, 0);
  }

  // Screenshots: a card open in light mode, dark mode, a phone, print, the whole page.
  const shoot = async (name, text, opts = {}) => {
    const s = await cardState(page, text);
    if (s) await focusMark(page, s.id);
    await page.screenshot({ path: path.join(a.out, name), ...opts });
  };
  await shoot("seed.png", "breaking money and breaking blood");
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.screenshot({ path: path.join(a.out, "seed-top.png") });
  await page.locator(".terms").screenshot({ path: path.join(a.out, "seed-terms.png") });
  await page.screenshot({ path: path.join(a.out, "seed-full.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot("seed-dark.png", "nail case");
  await page.emulateMedia({ colorScheme: "light", media: "print" });
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.screenshot({ path: path.join(a.out, "seed-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await context.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  guard(p2, "seed page (phone)");
  await p2.goto(pathToFileURL(a.page).href);
  const overflow = await p2.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 1, `seed page (phone): ${overflow}px of horizontal overflow`);
  const s = await cardState(p2, "protective umbrellas");
  if (s) {
    await p2.locator(`[id="${s.id}"]`).scrollIntoViewIfNeeded();
    await p2.locator(`[id="${s.id}"]`).tap();
    const after = await cardState(p2, "protective umbrellas");
    check(visible(after), "seed page (phone): tapping a term does not show a card inside the screen");
  }
  await p2.screenshot({ path: path.join(a.out, "seed-phone.png") });
  await phone.close();
}

async function checkIndex(browser, a) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  guard(page, "index page");
  await page.goto(pathToFileURL(a.index).href);
  const facts = await page.evaluate(() => ({
    bars: document.querySelectorAll(".chart svg a rect.bar").length,
    barTargets: [...document.querySelectorAll(".chart svg a")].map((x) => x.getAttribute("href")),
    docs: [...document.querySelectorAll("table.docs tbody tr th a")].map((x) => x.getAttribute("href")),
    termLinks: [...document.querySelectorAll(".corpus .g-occ a")].map((x) => x.getAttribute("href")),
  }));
  check(facts.bars > 0, "index page: the chart has no bars");
  check(facts.docs.length === 2, `index page: ${facts.docs.length} documents listed, expected 2`);
  for (const h of facts.barTargets) {
    const ok = await page.evaluate((id) => !!document.getElementById(decodeURIComponent(id)), h.slice(1));
    check(ok, `index page: chart link ${h} has no target`);
  }
  await page.screenshot({ path: path.join(a.out, "index.png"), fullPage: true });
  // Every term link leads to an existing anchor of an existing page.
  const dir = path.dirname(a.index);
  const seen = new Map();
  for (const h of facts.termLinks) {
    const [file, frag] = h.split("#");
    const target = path.join(dir, decodeURIComponent(file));
    if (!check(fs.existsSync(target), `index page: link to missing page ${file}`)) continue;
    if (!frag) continue;
    if (!seen.has(target)) {
      const p = await context.newPage();
      await p.goto(pathToFileURL(target).href);
      seen.set(target, p);
    }
    const ok = await seen.get(target).evaluate((id) => !!document.getElementById(id), decodeURIComponent(frag));
    check(ok, `index page: link ${h} has no target`);
  }
  check(facts.termLinks.length > 0, "index page: terms link to no document");
  await context.close();
}

(async () => {
  const a = args();
  const browser = await chromium.launch({ executablePath: a.chromium, headless: true, args: LAUNCH_ARGS });
  try {
    await checkSeed(browser, a);
    await checkIndex(browser, a);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    for (const f of failures) console.error(`browser-test: FAIL: ${f}`);
    console.error(`browser-test: ${failures.length} failed`);
    process.exit(1);
  }
  console.log(`browser-test: ${EXPECTED.length} terms checked on focus and hover; screenshots in ${a.out}`);
})().catch((e) => {
  console.error(`browser-test: ${e.stack || e}`);
  process.exit(1);
});
