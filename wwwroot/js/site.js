// StopThinkClick: behaviour shared by every page. No inline scripts anywhere (the CSP forbids
// them): pages mark elements with data- attributes and this file wires them up.
"use strict";

// ---- Read aloud ---------------------------------------------------------------------------
// <button class="read-aloud" data-read="#id">Read to me</button> reads the element with that id
// using the browser's own speech, highlighting each word as it is spoken where the browser reports
// word boundaries. Only an on-device voice (voice.localService) is ever used: some browsers offer
// cloud voices that send the text — a child's name, their own words — to a speech service. With
// no on-device voice we do not read, and say so once, kindly.
const ReadAloud = (() => {
  const synth = window.speechSynthesis;
  const noVoiceMessage = "This tablet has no reading voice of its own, so it can't read to you. Ask a grown-up to read with you.";
  let current = null;
  let toldNoVoice = false;

  // The best voice that stays on the device: British English, then any English, then any at all
  // (a Welsh- or Polish-speaking tablet still reads better than silence). Never a remote one.
  function chooseVoice(voices) {
    const local = (voices || []).filter((v) => v && v.localService === true);
    const lang = (v) => String(v.lang || "").replace("_", "-").toLowerCase();
    return local.find((v) => lang(v) === "en-gb") || local.find((v) => lang(v).startsWith("en")) || local[0] || null;
  }

  // Voices load after the page in some browsers: wait briefly for them before deciding.
  function voicesReady() {
    const now = synth.getVoices();
    if (now.length) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = () => { synth.removeEventListener("voiceschanged", done); resolve(synth.getVoices()); };
      synth.addEventListener("voiceschanged", done);
      setTimeout(done, 1500);
    });
  }

  function tellNoVoice(button) {
    if (toldNoVoice) return;
    toldNoVoice = true;
    const note = document.createElement("p");
    note.className = "message warn read-aloud-note";
    note.setAttribute("role", "status");
    note.textContent = noVoiceMessage;
    button.insertAdjacentElement("afterend", note);
  }

  function wordsOf(el) {
    if (el._readAloud) return el._readAloud;
    const words = [];
    let text = "";
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      // "Read to me" reads the content, never the buttons ("Check my answer", "Next"), nor hidden text.
      if (node.parentElement.closest(".read-aloud, button, .button, input, select, textarea, [aria-hidden='true'], .visually-hidden, script, style")) continue;
      const fragment = document.createDocumentFragment();
      for (const part of node.textContent.split(/(\s+)/)) {
        if (!part) continue;
        if (/^\s+$/.test(part)) { fragment.append(part); text += " "; continue; }
        const span = document.createElement("span");
        span.textContent = part;
        fragment.append(span);
        words.push({ start: text.length, end: text.length + part.length, span });
        text += part;
      }
      text += " ";
      node.replaceWith(fragment);
    }
    el._readAloud = { words, text: text.replace(/\s+/g, " ").trim() };
    return el._readAloud;
  }

  function clearHighlight() {
    document.querySelectorAll(".reading-word").forEach((w) => w.classList.remove("reading-word"));
  }

  function stop() {
    if (synth) synth.cancel();
    clearHighlight();
    if (current) current.setAttribute("aria-pressed", "false");
    current = null;
  }

  async function read(button, target) {
    if (!synth) return;
    const wasPlaying = current === button;
    stop();
    if (wasPlaying) return;
    const voice = chooseVoice(await voicesReady());
    if (!voice) { tellNoVoice(button); return; }
    const { words, text } = wordsOf(target);
    if (!text) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang || "en-GB";
    utterance.rate = document.body.classList.contains("pupil") ? 0.9 : 1;
    utterance.onboundary = (e) => {
      if (e.name && e.name !== "word") return;
      clearHighlight();
      const word = words.find((w) => e.charIndex >= w.start && e.charIndex < w.end + 1);
      if (word) word.span.classList.add("reading-word");
    };
    utterance.onend = utterance.onerror = () => { if (current === button) stop(); };
    current = button;
    button.setAttribute("aria-pressed", "true");
    synth.speak(utterance);
  }

  function wire(root) {
    root.querySelectorAll("[data-read]").forEach((button) => {
      if (button._wired) return;
      button._wired = true;
      if (!synth) { button.hidden = true; return; }
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", () => {
        const target = document.querySelector(button.dataset.read);
        if (target) read(button, target);
      });
    });
  }

  return { wire, stop, read, chooseVoice };
})();

// ---- Forms that ask "are you sure?" --------------------------------------------------------
function wireConfirms(root) {
  root.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (e) => { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
  });
}

// ---- Print buttons ---------------------------------------------------------------------------
function wirePrint(root) {
  root.querySelectorAll("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));
}

document.addEventListener("DOMContentLoaded", () => {
  ReadAloud.wire(document);
  wireConfirms(document);
  wirePrint(document);
});
window.StopThinkClick = { ReadAloud };
