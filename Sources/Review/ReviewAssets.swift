/// The app's page, script and style, compiled into the binary: nothing is fetched from
/// anywhere else, so a review works offline and nothing of the dump leaves the machine.
enum ReviewAssets {
    /// The page; the token goes in a meta tag for the script's requests.
    static func page(token: String) -> String {
        #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="review-token" content="\#(token)">
        <title>foiapipe review</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/app.css?token=\#(token)">
        <script src="/app.js?token=\#(token)" defer></script>
        </head>
        <body>
        <header>
          <h1>foiapipe review</h1>
          <span id="progress"></span>
          <span id="pending"></span>
          <button id="publish" type="button" title="Run the redact pass again with every decision">Publish</button>
          <span id="status" role="status"></span>
          <button id="help-button" type="button" title="Keyboard help (?)">?</button>
        </header>
        <main>
          <section id="queue" aria-label="Decisions to review">
            <h2>Queue <small>least certain first</small></h2>
            <div class="filters">
              <label>Type <select id="filter-type"><option value="">all</option></select></label>
              <label>Rule <select id="filter-rule"><option value="">all</option></select></label>
              <label>Document <select id="filter-doc"><option value="">all</option></select></label>
            </div>
            <ul id="documents"></ul>
            <ol id="items"></ol>
          </section>
          <section id="document" aria-label="Page">
            <div class="toolbar">
              <strong id="doc-name">choose a decision</strong>
              <button id="prev-page" type="button">&#8592;</button>
              <span id="page-number"></span>
              <button id="next-page" type="button">&#8594;</button>
              <span class="add">Selected: <em id="selection">click words to select</em>
                <select id="add-type"></select>
                <button id="add-selection" type="button" disabled>Redact selection</button>
                <button id="add-box" type="button" disabled title="Drag on the page where no word is printed">Redact box</button></span>
              <button id="withhold-page" type="button" title="Publish this page covered whole, its text left out (w)">Withhold page</button>
            </div>
            <div id="page"><img id="page-image" alt="page image"><div id="overlay"></div></div>
            <p class="legend">Boxes: coloured by type; dashed = removed by you; striped = added by you
            (&#215; on an area you drew takes it back). Drag a box to select the words in it, or to redact an
            area with no words (a photo, a signature). A withheld page is published covered whole, with only
            the notice "Page withheld in full (review)", and none of its text goes into the records.</p>
          </section>
          <section id="persons" aria-label="Persons">
            <h2>Persons</h2>
            <p><button id="join" type="button" disabled>Join the two ticked</button></p>
            <ul id="person-list"></ul>
            <h3>Joined</h3>
            <ul id="join-list"></ul>
          </section>
        </main>
        <div id="help" hidden>
          <h2>Keys</h2>
          <dl>
            <dt>j / k</dt><dd>next / previous decision</dd>
            <dt>y</dt><dd>accept: keep the redaction</dd>
            <dt>n</dt><dd>reject: remove the redaction (publish the text)</dd>
            <dt>w</dt><dd>withhold the page shown whole, or release it again</dd>
            <dt>u</dt><dd>undo the last area you drew on the page shown</dd>
            <dt>?</dt><dd>show or hide this help</dd>
          </dl>
          <p>Select words on the page and press "Redact selection" to add a redaction. Decisions are
          written to private/decisions.jsonl at once; "Publish" runs the redact pass again with them.
          An undo is a decision too: the file keeps every line.</p>
        </div>
        </body>
        </html>
        """#
    }

    static let style = #"""
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #111; background: #f4f4f2; }
        header { display: flex; gap: 1em; align-items: center; padding: .5em 1em; background: #1d2b36; color: #fff; }
        header h1 { font-size: 1.1em; margin: 0; }
        header button { font-size: 1em; }
        #status { font-size: .9em; }
        main { display: grid; grid-template-columns: 28em 1fr 24em; gap: .5em; padding: .5em; height: calc(100vh - 3em); }
        section { background: #fff; border: 1px solid #ccc; overflow: auto; padding: .5em; }
        h2 { font-size: 1em; margin: .2em 0 .5em; }
        .filters { display: flex; flex-wrap: wrap; gap: .4em; margin-bottom: .4em; }
        .filters select { max-width: 12em; }
        #documents { list-style: none; padding: 0; margin: 0 0 .5em; font-size: .85em; color: #444; }
        #items { list-style: none; padding: 0; margin: 0; }
        .item { border-left: 4px solid #bbb; padding: .3em .4em; margin: 2px 0; cursor: pointer; }
        .item.current { background: #fff6cc; outline: 2px solid #d4a200; }
        .item .text { font-weight: 600; }
        .item .meta { font-size: .8em; color: #555; }
        .item[data-status="kept"] { border-left-color: #2a7d2a; }
        .item[data-status="removed"] { border-left-color: #b22; }
        .item[data-status="removed"] .text { text-decoration: line-through; }
        .item[data-status="added"] { border-left-color: #6b3fa0; }
        .item button { font-size: .8em; }
        #page { position: relative; display: inline-block; border: 1px solid #999; }
        #page-image { display: block; width: 800px; }
        #overlay { position: absolute; inset: 0; }
        .box { position: absolute; opacity: .45; pointer-events: none; border: 1px solid #000; }
        .box[data-status="removed"] { opacity: 1; background: transparent !important; border: 2px dashed #b22; }
        .box[data-status="added"] { background: repeating-linear-gradient(45deg, #6b3fa0 0 4px, transparent 4px 8px) !important; opacity: .8; }
        .t-person_name { background: #d62728; } .t-date_of_birth { background: #1f77b4; }
        .t-phone, .t-email, .t-address { background: #2ca02c; }
        .t-a_number, .t-ssn, .t-drivers_license, .t-license_plate, .t-fbi_number, .t-state_id, .t-passport,
        .t-other_identifier { background: #ff7f0e; }
        .word { position: absolute; cursor: text; }
        .box.area { pointer-events: auto; }
        .undo-box { position: absolute; top: -9px; right: -9px; width: 18px; height: 18px; padding: 0; line-height: 14px;
          font-size: 14px; border-radius: 9px; border: 1px solid #6b3fa0; background: #fff; color: #6b3fa0; cursor: pointer; }
        #cover { position: absolute; inset: 0; background: rgba(0, 0, 0, .82); color: #fff; font-weight: 600;
          display: flex; align-items: flex-start; justify-content: center; padding-top: 30%; pointer-events: none; }
        #withhold-page.on { background: #1d2b36; color: #fff; }
        .drag { position: absolute; border: 2px solid #6b3fa0; background: rgba(107, 63, 160, .15); pointer-events: none; }
        #overlay { cursor: crosshair; }
        .word:hover { outline: 1px solid #6b3fa0; }
        .word.sel { background: rgba(107, 63, 160, .35); }
        .toolbar { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin-bottom: .4em; }
        .legend { font-size: .8em; color: #555; }
        #person-list, #join-list { list-style: none; padding: 0; margin: 0; }
        .person { padding: .3em; border-bottom: 1px solid #eee; }
        .person[data-status="official"] .identity { color: #1f5faa; }
        .person[data-status="private"] .identity { color: #a11; }
        .person .identity { font-weight: 600; }
        .person .mentions { font-size: .8em; color: #555; }
        #help { position: fixed; top: 4em; left: 30%; width: 32em; background: #fff; border: 2px solid #1d2b36;
          padding: 1em; box-shadow: 0 4px 20px rgba(0,0,0,.3); }
        dt { font-weight: 600; float: left; width: 5em; } dd { margin-left: 6em; }
        """#

    static let script = #"""
        "use strict";
        const token = document.querySelector('meta[name="review-token"]').content;
        const state = { queue: null, persons: null, visible: [], current: -1, doc: null, page: 1, pages: 1,
                        words: [], selected: new Set(), publishes: 0 };
        const $ = (id) => document.getElementById(id);
        const el = (tag, attrs, ...kids) => {
          const e = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs || {})) {
            if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
          }
          for (const k of kids) e.append(k);
          return e;
        };
        async function api(path, body) {
          const options = { headers: { "X-Review-Token": token } };
          if (body !== undefined) {
            options.method = "POST";
            options.headers["Content-Type"] = "application/json";
            options.body = JSON.stringify(body);
          }
          const r = await fetch(path, options);
          if (!r.ok) throw new Error(await r.text());
          return r.json();
        }
        const q = (params) => Object.entries(params).map(([k, v]) => k + "=" + encodeURIComponent(v)).join("&");

        async function loadQueue() {
          state.queue = await api("/api/queue");
          const types = new Set(state.queue.items.map((i) => i.type));
          const rules = new Set(state.queue.items.flatMap((i) => i.rules));
          fillSelect($("filter-type"), [...types].sort());
          fillSelect($("filter-rule"), [...rules].sort());
          fillSelect($("filter-doc"), state.queue.documents.map((d) => d.path));
          const addType = $("add-type");
          if (!addType.options.length) for (const t of state.queue.types) addType.append(el("option", { value: t, textContent: t }));
          let reviewed = 0, left = 0;
          const docs = $("documents");
          docs.replaceChildren();
          for (const d of state.queue.documents) {
            reviewed += d.reviewed; left += d.left;
            docs.append(el("li", { "data-path": d.path, textContent: d.path + ": " + d.reviewed + " reviewed, " + d.left + " left" +
              (d.withheld.length ? "; page(s) " + d.withheld.join(", ") + " withheld" : "") }));
          }
          $("progress").textContent = reviewed + " reviewed, " + left + " left";
          $("pending").textContent = state.queue.unpublished ? state.queue.unpublished + " decision(s) not yet published" : "";
          renderQueue();
        }
        function fillSelect(select, values) {
          const keep = select.value;
          select.replaceChildren(el("option", { value: "", textContent: "all" }));
          for (const v of values) select.append(el("option", { value: v, textContent: v }));
          select.value = values.includes(keep) ? keep : "";
        }
        function renderQueue() {
          const type = $("filter-type").value, rule = $("filter-rule").value, doc = $("filter-doc").value;
          const keepID = state.visible[state.current] ? key(state.visible[state.current]) : null;
          state.visible = state.queue.items.filter((i) =>
            (!type || i.type === type) && (!rule || i.rules.includes(rule)) && (!doc || i.path === doc));
          const list = $("items");
          list.replaceChildren();
          state.visible.forEach((i, n) => {
            const keepButton = el("button", { type: "button", class: "keep", textContent: "Keep (y)" });
            const removeButton = el("button", { type: "button", class: "remove", textContent: "Remove (n)" });
            keepButton.onclick = (e) => { e.stopPropagation(); select(n); decide("keep"); };
            removeButton.onclick = (e) => { e.stopPropagation(); select(n); decide("remove"); };
            const li = el("li", { class: "item", "data-id": String(i.id), "data-status": i.status || "", "data-text": i.text },
              el("div", { class: "text", textContent: i.text }),
              el("div", { class: "meta", textContent: i.type + " · " + i.rules.join(", ") + " · " + i.path +
                (i.pages.length ? " p. " + i.pages.join(", ") : "") + " · confidence " + i.confidence.toFixed(2) +
                (i.status ? " · " + i.status : "") }),
              keepButton, " ", removeButton);
            li.onclick = () => select(n);
            list.append(li);
          });
          const again = keepID ? state.visible.findIndex((i) => key(i) === keepID) : -1;
          state.current = again >= 0 ? again : Math.min(state.current, state.visible.length - 1);
          markCurrent();
        }
        const key = (i) => i.path + "\u001f" + i.text.toLowerCase();
        function markCurrent() {
          document.querySelectorAll(".item.current").forEach((e) => e.classList.remove("current"));
          const li = $("items").children[state.current];
          if (li) { li.classList.add("current"); li.scrollIntoView({ block: "nearest" }); }
        }
        async function select(n) {
          if (n < 0 || n >= state.visible.length) return;
          state.current = n;
          markCurrent();
          const i = state.visible[n];
          await showPage(i.path, i.pages[0] || 1);
        }
        async function decide(decision) {
          const i = state.visible[state.current];
          if (!i) return;
          await api("/api/decision", { decision, path: i.path, text: i.text, type: i.type, page: i.pages[0] || null });
          await refresh();
        }
        async function showPage(doc, page) {
          const data = await api("/api/page?" + q({ doc, page }));
          state.doc = doc; state.page = page; state.pages = data.pages; state.words = data.words;
          state.width = data.width; state.box = null; state.dragged = false;
          state.selected.clear();
          $("doc-name").textContent = doc;
          $("page-number").textContent = "page " + page + " of " + data.pages;
          const img = $("page-image");
          const scale = 800 / data.width;
          img.style.height = Math.round(data.height * scale) + "px";
          const loaded = new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; });
          img.src = "/api/image?" + q({ token, doc, page });
          const overlay = $("overlay");
          overlay.replaceChildren();
          state.areas = [];
          for (const b of data.boxes) {
            b.rects.forEach(([x0, y0, x1, y1], n) => {
              const d = el("div", { class: "box t-" + b.type, "data-status": b.status || "", "data-text": b.text, title: b.type + ": " + b.rule });
              place(d, x0, y0, x1, y1, scale);
              if (b.id && n === 0) {
                // An area the reviewer drew can be taken back: an undo line naming its decision.
                d.classList.add("area");
                d.dataset.id = b.id;
                const undo = el("button", { type: "button", class: "undo-box", textContent: "\u00d7", title: "Undo this area (u)" });
                undo.onmousedown = (e) => e.stopPropagation();
                undo.onclick = (e) => { e.stopPropagation(); undoDecision(b.id); };
                d.append(undo);
                state.areas.push(b.id);
              }
              overlay.append(d);
            });
          }
          state.withheld = data.withheld;
          const withhold = $("withhold-page");
          withhold.textContent = data.withheld ? "Release page (w)" : "Withhold page (w)";
          withhold.classList.toggle("on", !!data.withheld);
          document.body.dataset.withheld = data.withheld ? "1" : "";
          if (data.withheld) overlay.append(el("div", { id: "cover", textContent: "Page withheld in full (review)" }));
          data.words.forEach(([text, x0, y0, x1, y1], n) => {
            const w = el("div", { class: "word", "data-i": String(n), "data-text": text, title: text });
            place(w, x0, y0, x1, y1, scale);
            w.onclick = () => { if (state.dragged) { state.dragged = false; return; } toggleWord(n, w); };
            overlay.append(w);
          });
          showSelection();
          await loaded;
          document.body.dataset.page = doc + "#" + page;
        }
        function place(d, x0, y0, x1, y1, s) {
          d.style.left = (x0 * s) + "px"; d.style.top = (y0 * s) + "px";
          d.style.width = Math.max(2, (x1 - x0) * s) + "px"; d.style.height = Math.max(2, (y1 - y0) * s) + "px";
        }
        function toggleWord(n, w) {
          if (state.selected.has(n)) { state.selected.delete(n); w.classList.remove("sel"); }
          else { state.selected.add(n); w.classList.add("sel"); }
          showSelection();
        }
        function selectionText() {
          // Punctuation around the words (a comma, a closing parenthesis) is not part of what to redact.
          return [...state.selected].sort((a, b) => a - b).map((n) => state.words[n][0]).join(" ")
            .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        }
        function showSelection() {
          const t = selectionText();
          $("selection").textContent = t || "click words to select";
          $("add-selection").disabled = !t;
          $("add-box").disabled = !state.box;
          if (state.box) $("selection").textContent = "an area with no words";
        }
        async function addSelection() {
          const text = selectionText();
          if (!text) return;
          const boxes = [...state.selected].sort((a, b) => a - b).map((n) => state.words[n].slice(1, 5));
          await api("/api/decision", { decision: "add", path: state.doc, page: state.page, text, type: $("add-type").value, boxes });
          await refresh();
        }
        // Dragging on the page: the words the box touches are selected; a box that touches no
        // word can be redacted as an area ("Redact box").
        function startDrag(e) {
          if (e.button !== 0 || !state.doc) return;
          e.preventDefault();
          const overlay = $("overlay");
          const origin = overlay.getBoundingClientRect();
          const scale = 800 / state.width;
          const x0 = e.clientX - origin.left, y0 = e.clientY - origin.top;
          const rect = el("div", { class: "drag" });
          let moved = false;
          const move = (m) => {
            const x1 = m.clientX - origin.left, y1 = m.clientY - origin.top;
            if (Math.abs(x1 - x0) + Math.abs(y1 - y0) < 6) return;
            if (!moved) { overlay.append(rect); moved = true; }
            rect.style.left = Math.min(x0, x1) + "px"; rect.style.top = Math.min(y0, y1) + "px";
            rect.style.width = Math.abs(x1 - x0) + "px"; rect.style.height = Math.abs(y1 - y0) + "px";
          };
          const up = (u) => {
            window.removeEventListener("mousemove", move);
            window.removeEventListener("mouseup", up);
            if (!moved) return;
            state.dragged = true;
            const x1 = u.clientX - origin.left, y1 = u.clientY - origin.top;
            const box = [Math.min(x0, x1) / scale, Math.min(y0, y1) / scale, Math.max(x0, x1) / scale, Math.max(y0, y1) / scale];
            state.selected.clear();
            state.words.forEach(([t, a, b, c, d], n) => {
              if (a < box[2] && c > box[0] && b < box[3] && d > box[1]) state.selected.add(n);
            });
            document.querySelectorAll(".word").forEach((w) => w.classList.toggle("sel", state.selected.has(Number(w.dataset.i))));
            state.box = state.selected.size ? null : box;
            if (!state.box) rect.remove();
            showSelection();
          };
          window.addEventListener("mousemove", move);
          window.addEventListener("mouseup", up);
        }
        async function addBox() {
          if (!state.box) return;
          await api("/api/decision", { decision: "box", path: state.doc, page: state.page, boxes: [state.box] });
          state.box = null;
          await refresh();
        }
        async function undoDecision(id) {
          await api("/api/decision", { decision: "undo", of: id });
          await refresh();
        }
        async function toggleWithhold() {
          if (!state.doc) return;
          if (state.withheld) await undoDecision(state.withheld.id);
          else {
            await api("/api/decision", { decision: "withhold", path: state.doc, page: state.page });
            await refresh();
          }
        }
        async function loadPersons() {
          state.persons = await api("/api/persons");
          const list = $("person-list");
          list.replaceChildren();
          for (const p of state.persons.persons) {
            const status = p.decided || p.status;
            const pick = el("input", { type: "checkbox", class: "join-pick", value: p.identity, title: "tick two to join" });
            pick.onchange = () => {
              $("join").disabled = document.querySelectorAll(".join-pick:checked").length !== 2;
            };
            const official = el("button", { type: "button", class: "official", textContent: "Official" });
            const priv = el("button", { type: "button", class: "private", textContent: "Private" });
            official.onclick = async () => { await api("/api/decision", { decision: "official", identity: p.identity }); await refresh(); };
            priv.onclick = async () => { await api("/api/decision", { decision: "private", identity: p.identity }); await refresh(); };
            const mentions = el("div", { class: "mentions", textContent:
              (p.tag ? p.tag + " · " : "") + status + (p.decided ? " (your decision)" : "") +
              (p.joined_into ? " · joined into " + p.joined_into : "") + " · " +
              (p.mentions.length ? p.mentions.length + " mention(s): " +
                p.mentions.slice(0, 4).map((m) => m.text + " (" + m.path + (m.page ? " p. " + m.page : "") + ")").join("; ")
                : (p.documents.join(", ") || p.rules.join(", "))) });
            list.append(el("li", { class: "person", "data-identity": p.identity, "data-status": status },
              pick, " ", el("span", { class: "identity", textContent: p.identity }), " ", official, " ", priv, mentions));
          }
          const joins = $("join-list");
          joins.replaceChildren();
          for (const [from, into] of state.persons.joins) {
            const split = el("button", { type: "button", class: "split", textContent: "Split" });
            split.onclick = async () => { await api("/api/decision", { decision: "split", identity: from }); await refresh(); };
            joins.append(el("li", { class: "joined", "data-identity": from }, from + " = " + into + " ", split));
          }
          $("join").disabled = true;
        }
        async function join() {
          const picked = [...document.querySelectorAll(".join-pick:checked")].map((c) => c.value);
          if (picked.length !== 2) return;
          await api("/api/decision", { decision: "join", identity: picked[1], into: picked[0] });
          await refresh();
        }
        async function publish() {
          $("publish").disabled = true;
          $("status").textContent = "publishing…";
          try {
            const r = await api("/api/publish", {});
            $("status").textContent = r.summary;
            state.publishes += 1;
          } catch (e) {
            $("status").textContent = "publish failed: " + e.message;
          }
          $("publish").disabled = false;
          await refresh();
          document.body.dataset.publishes = String(state.publishes);
        }
        async function refresh() {
          await Promise.all([loadQueue(), loadPersons()]);
          if (state.doc) await showPage(state.doc, state.page);
          document.body.dataset.ready = String(Date.now());
        }
        function onKey(e) {
          if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === "j") select(Math.min(state.current + 1, state.visible.length - 1));
          else if (e.key === "k") select(Math.max(state.current - 1, 0));
          else if (e.key === "y") decide("keep");
          else if (e.key === "n") decide("remove");
          else if (e.key === "w") toggleWithhold();
          else if (e.key === "u") { if (state.areas && state.areas.length) undoDecision(state.areas[state.areas.length - 1]); }
          else if (e.key === "?") $("help").hidden = !$("help").hidden;
          else if (e.key === "Escape") $("help").hidden = true;
          else return;
          e.preventDefault();
        }
        window.addEventListener("DOMContentLoaded", async () => {
          for (const id of ["filter-type", "filter-rule", "filter-doc"]) $(id).onchange = renderQueue;
          $("add-selection").onclick = addSelection;
          $("add-box").onclick = addBox;
          $("withhold-page").onclick = toggleWithhold;
          $("overlay").addEventListener("mousedown", startDrag);
          $("join").onclick = join;
          $("publish").onclick = publish;
          $("help-button").onclick = () => { $("help").hidden = !$("help").hidden; };
          $("prev-page").onclick = () => { if (state.doc && state.page > 1) showPage(state.doc, state.page - 1); };
          $("next-page").onclick = () => { if (state.doc && state.page < state.pages) showPage(state.doc, state.page + 1); };
          document.addEventListener("keydown", onKey);
          await refresh();
          if (state.visible.length) await select(0);
          document.body.dataset.ready = String(Date.now());
        });
        """#
}
