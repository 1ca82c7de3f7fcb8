/* eventwire web UI: actor autocomplete, the dyad timeline, the actor network and the "code this text" page.
   Plain JavaScript and SVG, no libraries. Data comes from the JSON API; text is inserted with textContent only. */
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = { vcoop: "#9fd4b0", mcoop: "#2e8b57", vconf: "#f0a58f", mconf: "#c0392b", line: "#1d232b",
                 coop: "#2e8b57", conf: "#c0392b", mixed: "#8a8f98" };

function el(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function h(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({ ok: false, error: response.statusText }));
  if (!response.ok || body.ok === false) throw new Error(body.error || ("HTTP " + response.status));
  return body;
}

function showError(target, err) {
  target.replaceChildren(h("p", "Could not load: " + err.message, "error-message"));
}

/* ---- actor autocomplete (a shared <datalist>) ---------------------------------------------------- */
function setupAutocomplete() {
  const list = document.getElementById("actor-codes");
  if (!list) return;
  let timer = null;
  document.querySelectorAll("input[data-autocomplete]").forEach((input) => {
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 1) return;
      timer = setTimeout(async () => {
        try {
          const data = await getJSON("/api/actors?limit=12&q=" + encodeURIComponent(q));
          list.replaceChildren(...data.actors.map((a) => {
            const option = document.createElement("option");
            option.value = a.code;
            option.label = a.description + " (" + a.events + ")";
            return option;
          }));
        } catch (err) { /* autocomplete is optional */ }
      }, 150);
    });
  });
}

/* ---- dyad timeline: stacked bars (cooperation up, conflict down) + mean Goldstein line ----------- */
function drawDyad(fig, data) {
  const series = data.series;
  fig.replaceChildren();
  if (!series.length) { fig.appendChild(h("p", "No dated events for this dyad.", "muted empty-chart")); return; }
  const W = 960, H = 380, m = { l: 48, r: 48, t: 16, b: 46 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const maxUp = Math.max(1, ...series.map((d) => d.cooperation));
  const maxDown = Math.max(1, ...series.map((d) => d.conflict));
  const scale = ih / (maxUp + maxDown);
  const zero = m.t + maxUp * scale;
  const bw = iw / series.length;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", id: "dyad-svg",
                          "aria-label": `Events per ${data.period} between ${data.a} and ${data.b || "anyone"}` });
  svg.appendChild(el("line", { x1: m.l, x2: W - m.r, y1: zero, y2: zero, stroke: "#999" }));
  series.forEach((d, i) => {
    const x = m.l + i * bw + bw * 0.1, w = Math.max(1, bw * 0.8);
    const parts = [["material_cooperation", COLORS.mcoop, -1], ["verbal_cooperation", COLORS.vcoop, -1],
                   ["verbal_conflict", COLORS.vconf, 1], ["material_conflict", COLORS.mconf, 1]];
    let up = zero, down = zero;
    for (const [key, color, dir] of parts) {
      const n = d[key];
      if (!n) continue;
      const hgt = n * scale;
      const y = dir < 0 ? (up -= hgt) : down;
      if (dir > 0) down += hgt;
      const rect = el("rect", { x, y, width: w, height: hgt, fill: color, class: "bar " + key });
      rect.appendChild(el("title", {}, `${d.period}: ${n} ${key.replace("_", " ")}`));
      svg.appendChild(rect);
    }
  });
  // intensity line on its own axis (-10 .. +10), its zero on the bars' axis
  const gy = (g) => g >= 0 ? zero - (zero - m.t) * g / 10 : zero + (m.t + ih - zero) * -g / 10;
  const pts = series.map((d, i) => d.mean_goldstein === null ? null : [m.l + (i + 0.5) * bw, gy(d.mean_goldstein)]);
  let path = "";
  pts.forEach((p, i) => { if (p) path += (i === 0 || !pts[i - 1] ? "M" : "L") + p[0].toFixed(1) + "," + p[1].toFixed(1); });
  if (path) svg.appendChild(el("path", { d: path, fill: "none", stroke: COLORS.line, "stroke-width": 2, class: "intensity" }));
  pts.forEach((p, i) => { if (p) { const c = el("circle", { cx: p[0], cy: p[1], r: 3, fill: COLORS.line, class: "intensity-point" });
    c.appendChild(el("title", {}, `${series[i].period}: mean Goldstein ${series[i].mean_goldstein}`)); svg.appendChild(c); } });
  // axes
  svg.appendChild(el("text", { x: 4, y: m.t + 10 }, `${maxUp} coop`));
  svg.appendChild(el("text", { x: 4, y: H - m.b }, `${maxDown} conflict`));
  for (const g of [10, 0, -10]) svg.appendChild(el("text", { x: W - m.r + 6, y: gy(g) + 4 }, (g > 0 ? "+" : "") + g));
  const step = Math.max(1, Math.ceil(series.length / 10));
  series.forEach((d, i) => { if (i % step === 0) svg.appendChild(el("text", { x: m.l + i * bw, y: H - m.b + 16 }, d.period)); });
  const legend = [["material cooperation", COLORS.mcoop], ["verbal cooperation", COLORS.vcoop],
                  ["verbal conflict", COLORS.vconf], ["material conflict", COLORS.mconf], ["mean Goldstein", COLORS.line]];
  legend.forEach(([label, color], i) => {
    svg.appendChild(el("rect", { x: m.l + i * 170, y: H - 16, width: 12, height: 12, fill: color }));
    svg.appendChild(el("text", { x: m.l + i * 170 + 16, y: H - 6 }, label));
  });
  fig.appendChild(svg);
}

async function setupDyad() {
  const fig = document.getElementById("dyad-chart");
  if (!fig) return;
  const p = new URLSearchParams({ a: fig.dataset.a, period: fig.dataset.period, directed: fig.dataset.directed });
  for (const key of ["b", "since", "until"]) if (fig.dataset[key]) p.set(key, fig.dataset[key]);
  try {
    const data = await getJSON("/api/dyads/series?" + p.toString());
    drawDyad(fig, data);
    const summary = document.getElementById("dyad-summary");
    const coop = data.series.reduce((s, d) => s + d.cooperation, 0), conf = data.series.reduce((s, d) => s + d.conflict, 0);
    if (summary) summary.textContent = `${data.total} events: ${coop} cooperation, ${conf} conflict, over ${data.series.length} ${data.period}(s).`;
  } catch (err) { showError(fig, err); }
}

/* ---- actor network: circular layout, edge width = events, colour = cooperation vs conflict -------- */
function drawNetwork(fig, data) {
  fig.replaceChildren();
  if (!data.edges.length) { fig.appendChild(h("p", "No actor pairs in this selection.", "muted empty-chart")); return; }
  const W = 900, H = 640, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 80;
  const nodes = data.nodes, pos = {};
  nodes.forEach((n, i) => { const a = 2 * Math.PI * i / nodes.length - Math.PI / 2; pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a]; });
  const maxE = Math.max(...data.edges.map((e) => e.events)), maxN = Math.max(...nodes.map((n) => n.events));
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", id: "network-svg", "aria-label": "Actor network" });
  const defs = el("defs");
  for (const [name, color] of [["coop", COLORS.coop], ["conf", COLORS.conf], ["mixed", COLORS.mixed]]) {
    const marker = el("marker", { id: "arrow-" + name, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.appendChild(el("path", { d: "M0,0 L10,5 L0,10 z", fill: color }));
    defs.appendChild(marker);
  }
  svg.appendChild(defs);
  const radius = (n) => 6 + 14 * Math.sqrt(n.events / maxN);
  const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
  for (const e of data.edges) {
    const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
    const share = (e.cooperation - e.conflict) / Math.max(1, e.cooperation + e.conflict);
    const kind = share > 0.2 ? "coop" : share < -0.2 ? "conf" : "mixed";
    // a slight curve so that A→B and B→A stay apart
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
    const r2 = radius(byId[e.target]) + 2, dx = x2 - mx, dy = y2 - my, len = Math.hypot(dx, dy) || 1;
    const ex = x2 - dx / len * r2, ey = y2 - dy / len * r2;
    const path = el("path", { d: `M${x1},${y1} Q${mx},${my} ${ex},${ey}`, fill: "none", stroke: COLORS[kind],
      "stroke-opacity": 0.75, "stroke-width": (1 + 7 * e.events / maxE).toFixed(1), "marker-end": `url(#arrow-${kind})`, class: "edge " + kind });
    path.appendChild(el("title", {}, `${e.source} → ${e.target}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict; mean Goldstein ${e.mean_goldstein})`));
    svg.appendChild(path);
  }
  for (const n of nodes) {
    const [x, y, a] = pos[n.id];
    const c = el("circle", { cx: x, cy: y, r: radius(n), fill: "#1f5fa8", "fill-opacity": 0.85, class: "node" });
    c.appendChild(el("title", {}, `${n.id}: ${n.description} (${n.events} events)`));
    svg.appendChild(c);
    const lx = x + Math.cos(a) * (radius(n) + 8), ly = y + Math.sin(a) * (radius(n) + 8) + 4;
    svg.appendChild(el("text", { x: lx, y: ly, "text-anchor": Math.cos(a) < -0.2 ? "end" : Math.cos(a) > 0.2 ? "start" : "middle", class: "node-label" }, n.id));
  }
  fig.appendChild(svg);
}

async function setupNetwork() {
  const fig = document.getElementById("network-chart");
  if (!fig) return;
  try { drawNetwork(fig, await getJSON("/api/network?" + (fig.dataset.query || ""))); } catch (err) { showError(fig, err); }
}

/* ---- code this text: post to /api/code, show sentences with their events inline ------------------ */
function renderCoded(out, data) {
  out.replaceChildren();
  const bySentence = {};
  for (const e of data.events) (bySentence[e.sentence_index] = bySentence[e.sentence_index] || []).push(e);
  let pos = 0;
  for (const s of data.sentences) {
    if (s.start > pos) out.appendChild(document.createTextNode(data.text.slice(pos, s.start)));
    const events = bySentence[s.index];
    if (!events) { out.appendChild(document.createTextNode(s.text)); pos = s.end; continue; }
    out.appendChild(h("mark", s.text, "coded-sentence"));
    const list = h("ul", null, "coded-events");
    for (const e of events) {
      const x = e.explanation;
      const li = h("li", `${e.source && e.source.code || "?"} → ${e.cameo} ${x.action.name} → ${e.target && e.target.code || "?"}` +
                        ` · ${e.modality} · ${x.date.words}` + (x.attribution ? ` · per ${x.attribution.code}` : ""));
      li.className = "coded-event quad-" + (e.quad_class || 0);
      li.title = x.summary;
      list.appendChild(li);
    }
    out.appendChild(list);
    pos = s.end;
  }
  if (pos < data.text.length) out.appendChild(document.createTextNode(data.text.slice(pos)));
}

function setupCode() {
  const form = document.getElementById("code-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("code-status"), out = document.getElementById("code-output");
    const body = { text: document.getElementById("code-text").value, store: document.getElementById("code-store").checked };
    const date = document.getElementById("code-date").value;
    if (date) body.date = date;
    const headers = { "Content-Type": "application/json" };
    const token = document.getElementById("code-token").value;
    if (token) headers.Authorization = "Bearer " + token;
    status.textContent = "Coding…";
    try {
      const data = await getJSON("/api/code", { method: "POST", headers, body: JSON.stringify(body) });
      status.textContent = `${data.events.length} event(s) in ${data.sentences.length} sentence(s)` + (data.stored ? "; stored as " + data.article_id : "");
      renderCoded(out, data);
    } catch (err) { status.textContent = "Error: " + err.message; }
  });
}

document.addEventListener("DOMContentLoaded", () => { setupAutocomplete(); setupDyad(); setupNetwork(); setupCode(); });
