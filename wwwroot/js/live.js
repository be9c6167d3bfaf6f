// Live sessions: one script for the board, the teacher's console and a pupil's tablet.
// The server draws every slide (the same Razor parts as the solo players); this script keeps a
// SignalR connection open, fetches the new slide when told, updates counts in place, and sends
// answers, votes and worries. Anything not yet acknowledged is kept (also across a page reload)
// and sent again, with the same id, until the server says it is stored.
"use strict";
(() => {
  const root = document.getElementById("live");
  if (!root || !window.signalR) return;
  const sessionId = root.dataset.session;
  const view = root.dataset.view;
  const slideUrl = root.dataset.slideUrl;
  const statusLine = root.querySelector("[data-connection]");
  const problemLine = () => document.querySelector("#slide .live-problem") || root.querySelector(".live-problem");
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const backoff = (n) => Math.min(500 * 2 ** n, 8000) + Math.random() * 400;

  // Works on plain http in a school network too, where crypto.randomUUID is not offered.
  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function setStatus(text, state) {
    if (!statusLine) return;
    statusLine.textContent = text;
    statusLine.dataset.state = state;
  }

  function showProblem(message) {
    const line = problemLine();
    if (!line) return;
    line.hidden = !message;
    line.textContent = message || "";
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withStatefulReconnect()
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => backoff(ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.serverTimeoutInMilliseconds = 20000;
  connection.keepAliveIntervalInMilliseconds = 8000;

  // ---- The board fits the projector ------------------------------------------------------------
  // Nobody can scroll a projector. Sizes follow the window's height (site.css); a slide with long
  // text lowers --fit (the board's root font size, so text, gaps and pictures shrink together)
  // until nothing sticks out below or to the side.
  function fitBoard() {
    if (view !== "board") return;
    const html = document.documentElement;
    const page = document.scrollingElement;
    const overflows = () => page.scrollHeight > window.innerHeight || page.scrollWidth > window.innerWidth;
    let fit = 1;
    html.style.setProperty("--fit", "1");
    while (fit > 0.4 && overflows()) {
      fit = Math.round((fit - 0.04) * 100) / 100;
      html.style.setProperty("--fit", String(fit));
    }
  }
  if (view === "board") {
    fitBoard();
    window.addEventListener("resize", fitBoard);
    document.fonts?.ready.then(fitBoard);
  }

  // ---- Slides ------------------------------------------------------------------------------
  let version = Number(document.getElementById("slide-content")?.dataset.version ?? 0);
  let refreshing = false;
  let again = false;

  async function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    try {
      for (let attempt = 0; ; attempt++) {
        again = false;
        try {
          const response = await fetch(slideUrl, { credentials: "same-origin", cache: "no-store", headers: { "X-Requested-With": "live" } });
          if (response.status === 404 || response.redirected) { window.location.reload(); return; }
          if (!response.ok) throw new Error(String(response.status));
          const html = await response.text();
          const slide = document.getElementById("slide");
          const focusedInSlide = slide.contains(document.activeElement);
          window.StopThinkClick?.ReadAloud?.stop();
          slide.innerHTML = html;
          version = Number(document.getElementById("slide-content")?.dataset.version ?? version);
          window.StopThinkClick?.ReadAloud?.wire(slide);
          window.StopThinkClick?.SignaturePad?.wire(slide);
          fitBoard();
          if (focusedInSlide || view === "pupil") slide.querySelector("h1, h2")?.setAttribute("tabindex", "-1");
          if (focusedInSlide) slide.querySelector("h1, h2")?.focus();
          if (!again) return;
        } catch {
          await sleep(backoff(attempt));
        }
      }
    } finally {
      refreshing = false;
    }
  }

  // ---- Joining (again after every reconnect) ---------------------------------------------------
  async function enter() {
    const state = view === "pupil"
      ? await connection.invoke("Join", sessionId)
      : await connection.invoke("Watch", sessionId, view);
    if (!state.ok) { setStatus(state.message || "Cannot join.", "problem"); return; }
    setStatus(view === "pupil" ? "Connected" : "Live", "ok");
    if (state.version !== version) await refresh();
    await flushPending();
  }

  async function start() {
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.start();
        await enter();
        return;
      } catch {
        setStatus("Connecting… (your answers are safe)", "wait");
        await sleep(backoff(attempt));
      }
    }
  }

  connection.onreconnecting(() => setStatus("Reconnecting… your answers are safe.", "wait"));
  connection.onreconnected(() => enter().catch(() => {}));
  connection.onclose(() => { setStatus("Connection lost. Trying again…", "wait"); start(); });

  // ---- Pushes ----------------------------------------------------------------------------------
  connection.on("SlideChanged", (v) => { if (v !== version) refresh(); });
  connection.on("Locked", () => refresh());
  // Only the console is sent on to the summary; the board and tablets stay and show their closing slide.
  connection.on("Ended", (url) => { if (url && view === "console") window.location.assign(url); else refresh(); });

  connection.on("PupilJoined", (p) => {
    document.querySelectorAll("[data-joined]").forEach((el) => { el.textContent = p.joined; });
    document.querySelectorAll("progress[data-count-for]").forEach((el) => { el.max = Math.max(1, p.joined); });
    const names = document.querySelector("[data-joined-names]");
    if (names && p.firstName) { const li = document.createElement("li"); li.textContent = p.firstName; names.append(li); fitBoard(); }
    // The console lists who joined first and folds the rest away: draw it again.
    if (view === "console") refresh();
  });

  function showCounts(counts, done) {
    for (const [id, n] of Object.entries(counts)) {
      document.querySelectorAll(`progress[data-count-for="${id}"]`).forEach((bar) => { bar.value = n; });
      document.querySelectorAll(`[data-number-for="${id}"]`).forEach((number) => { number.textContent = n; });
      const consoleCount = document.querySelector(`[data-vote-count-for="${id}"]`);
      if (consoleCount) consoleCount.textContent = n;
    }
    document.querySelectorAll("[data-answered]").forEach((el) => { el.textContent = done; });
  }
  connection.on("AnswerCounted", (c) => showCounts(c.counts, c.answered));
  connection.on("VoteCounted", (c) => showCounts(c.counts, c.voted));

  // The console sees who answered what, the moment it is stored.
  window.stcSeen = [];
  connection.on("AnswerSeen", (a) => {
    window.stcSeen.push({ ...a, seenAtMs: Date.now() });
    const cell = document.querySelector(`tr[data-pupil="${a.pupilId}"] [data-answer-cell]`);
    if (cell) {
      const labels = a.optionIds.map((id) => document.querySelector(`[data-option-label="${id}"]`)?.textContent || id);
      cell.textContent = `${a.correct ? "Right:" : "Not yet:"} ${labels.join(", ")}`;
    }
  });

  // …and who voted for what: the roster's vote column fills in as the votes come.
  connection.on("VoteSeen", (v) => {
    const cell = document.querySelector(`tr[data-pupil="${v.pupilId}"] [data-vote-cell]`);
    if (cell) cell.textContent = document.querySelector(`[data-choice-label="${v.choiceId}"]`)?.textContent || v.choiceId;
  });

  function alertTeacher(text) {
    const box = root.querySelector("[data-alerts]");
    if (!box) return;
    const p = document.createElement("p");
    p.className = "message warn";
    p.textContent = text;
    box.prepend(p);
  }
  // w.concernId is not shown or linked: it may name a concern that was merged into an earlier one (see _ConsolePanel).
  connection.on("Worry", (w) => { alertTeacher(`${w.name} pressed "I'm worried". Only you can see this; it is in the safeguarding lead's log.`); refresh(); });
  connection.on("Meaning", (m) => alertTeacher(`${m.name} asked what this promise means: "${m.promise}"`));
  connection.on("Affirmed", (c) => {
    document.querySelectorAll("[data-affirmed]").forEach((el) => { el.textContent = c.affirmed; });
    document.querySelectorAll("[data-signed]").forEach((el) => { el.textContent = c.signed; });
    if (view === "console") refresh();
  });

  // ---- Sending, and sending again -------------------------------------------------------------
  const storeKey = `stc.pending.${sessionId}`;
  const pending = new Map(JSON.parse(sessionStorage.getItem(storeKey) || "[]"));
  const save = () => sessionStorage.setItem(storeKey, JSON.stringify([...pending]));

  async function send(key, method, args, done) {
    pending.set(key, { method, args });
    save();
    try {
      const ack = await connection.invoke(method, ...args);
      pending.delete(key);
      save();
      showProblem(ack.ok ? "" : ack.message);
      done?.(ack);
      if (ack.ok) refresh();
    } catch (e) {
      showProblem("Not sent yet. It will be sent again as soon as the connection is back.");
      setTimeout(() => flushPending(), backoff(2));
    }
  }

  let flushing = false;
  async function flushPending() {
    if (flushing || connection.state !== signalR.HubConnectionState.Connected) return;
    flushing = true;
    try {
      for (const [key, item] of [...pending]) await send(key, item.method, item.args);
    } finally { flushing = false; }
  }

  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (form.matches("[data-live-answer]")) {
      e.preventDefault();
      const answerId = form.querySelector("input[name=answerId]").value;
      const sortCards = [...form.querySelectorAll("fieldset.sort-card")];
      let options;
      if (sortCards.length > 0) {
        if (sortCards.some((f) => !f.querySelector("input:checked"))) { showProblem("Put every card in a box, then press the button."); return; }
        options = sortCards.map((f) => f.querySelector("input:checked")).filter((i) => i.value === "safe").map((i) => i.name.slice(5));
      } else {
        options = [...form.querySelectorAll("input[name=option]:checked")].map((i) => i.value);
        if (options.length === 0) { showProblem("Choose an answer, then press the button."); return; }
      }
      form.querySelector("button[type=submit]").disabled = true;
      form.querySelector("button[type=submit]").textContent = "Sending…";
      send(answerId, "Answer", [sessionId, answerId, form.dataset.question, options, Date.now()]);
    } else if (form.matches("[data-live-sign]")) {
      e.preventDefault();
      const typedName = form.querySelector("input[name=typedName]").value.trim();
      const drawnPath = form.querySelector("input[name=drawnPath]").value;
      if (!typedName && !drawnPath) { showProblem("Write your name or draw your signature, then press Sign."); return; }
      const signatureId = form.dataset.signature;
      send(signatureId, "Sign", [sessionId, signatureId, typedName || null, drawnPath || null]);
    } else if (form.matches("[data-command-form]")) {
      e.preventDefault();
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
      command(form.dataset.commandForm);
    }
  });

  document.addEventListener("click", (e) => {
    const vote = e.target.closest("[data-live-vote]");
    if (vote) {
      const id = uuid();
      send(id, "Vote", [sessionId, id, vote.dataset.scene, vote.dataset.choice]);
      return;
    }
    const affirm = e.target.closest("[data-live-affirm]");
    if (affirm) {
      affirm.disabled = true;
      send(`affirm-${affirm.dataset.promise}`, "Affirm", [sessionId, affirm.dataset.promise], (ack) => { if (!ack.ok) affirm.disabled = false; });
      return;
    }
    const meaning = e.target.closest("[data-live-meaning]");
    if (meaning) {
      meaning.disabled = true;
      send(`meaning-${meaning.dataset.promise}`, "AskMeaning", [sessionId, meaning.dataset.promise]);
      return;
    }
    const worry = e.target.closest("[data-worry]");
    if (worry) {
      if (!window.confirm("Tell your teacher you are worried? Your teacher will see it, and may tell the grown-up at school who keeps children safe.")) return;
      const concernId = worry.dataset.concern;
      send(concernId, "Worry", [sessionId, concernId], (ack) => {
        if (ack.ok) { root.querySelector("[data-worry-told]").hidden = false; worry.dataset.concern = uuid(); }
      });
      return;
    }
    const button = e.target.closest("[data-command]");
    if (button) command(button.dataset.command, button.dataset.arg);
  });

  async function command(name, arg) {
    const args = [sessionId];
    if (arg !== undefined) args.push(name === "Lock" || name === "ShowNames" ? arg === "true" : arg);
    try {
      const ack = await connection.invoke(name, ...args);
      showProblem(ack.ok ? "" : ack.message);
    } catch {
      showProblem("Not done: the connection dropped. Press again in a moment.");
    }
  }

  start();
})();
