// "Scan my card" on the pupil sign-in page: the tablet's camera reads the QR code on the child's
// login card and opens the card's sign-in address. Decoding happens here, on the tablet, with
// jsQR (served from /lib, no CDN): no picture from the camera is ever sent anywhere. The camera
// is used only after the child presses the button, and is switched off (its tracks stopped) the
// moment a card is read, the child presses Stop, or the page is left or hidden. Where the browser
// has no camera API (an old tablet, or plain http) the button never appears and the class-code
// form below works as before.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const root = document.querySelector("[data-card-scanner]");
  if (!root || !navigator.mediaDevices?.getUserMedia) return;

  const startButton = root.querySelector("[data-scan-start]");
  const startLine = startButton.closest("p");
  const panel = root.querySelector("[data-scan-panel]");
  const stopButton = root.querySelector("[data-scan-stop]");
  const video = root.querySelector("[data-scan-video]");
  const note = root.querySelector("[data-scan-note]");
  const problem = root.querySelector("[data-scan-problem]");
  const problemText = root.querySelector("[data-scan-problem-text]");
  const cardPrefix = root.dataset.cardPath; // "/card/", from LoginCards.Path on the server
  const instead = root.dataset.instead || "Type your class code instead"; // what else the page offers
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const notACard = "That is not a sign-in card. Ask your teacher.";
  const everyMs = 150; // about seven looks a second: quick enough for a child, kind to the battery
  const widest = 640;  // frames are shrunk to this width before decoding: a card fills much of the view

  let stream = null;
  let frame = 0;
  let lastLook = 0;
  let attempt = 0; // which press of "Scan my card" is current: a late camera from an old one is stopped
  let decoder = null; // jsQR's promise: fetched the first time a child presses the button, not on every sign-in (it is 250 KB)

  function loadDecoder() {
    decoder ??= new Promise((resolve, reject) => {
      if (typeof window.jsQR === "function") { resolve(); return; }
      const script = document.createElement("script");
      script.src = root.dataset.decoder;
      script.onload = () => (typeof window.jsQR === "function" ? resolve() : reject(new Error("no decoder")));
      script.onerror = () => { decoder = null; script.remove(); reject(new Error("the decoder did not load")); };
      document.head.append(script);
    });
    return decoder;
  }

  // Text read by "Read to me" is cut into words once and remembered (site.js); new text must be cut again.
  function say(element, text) {
    window.StopThinkClick?.ReadAloud.stop();
    element.textContent = text;
    delete element._readAloud;
    delete document.getElementById("scan-say")._readAloud;
  }

  function showNote(text) {
    if (note.textContent === text) return; // the same card seen again: say it once, not seven times a second
    say(note, text);
    note.classList.toggle("message", !!text);
    note.classList.toggle("warn", !!text);
  }

  // A QR code can hold any address at all. We only ever follow a login card for this very site:
  // anything else held up to the camera — a poster, a sticker, a stranger's code — could otherwise
  // take a child straight to a page we do not control (a look-alike sign-in, or worse). Only the
  // path is kept, so nothing else in the code (a query, a fragment) comes along. The server checks
  // the card itself.
  function cardPath(text) {
    let url;
    try { url = new URL(text); } catch { return null; }
    if (url.origin !== window.location.origin || !url.pathname.startsWith(cardPrefix)) return null;
    const secret = url.pathname.slice(cardPrefix.length);
    return /^[A-Za-z0-9_-]{16,64}$/.test(secret) ? cardPrefix + secret : null;
  }

  function stopCamera() {
    attempt++;
    cancelAnimationFrame(frame);
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
  }

  function close({ focus = true } = {}) {
    stopCamera();
    panel.hidden = true;
    startLine.hidden = false;
    showNote("");
    if (focus) startButton.focus();
  }

  function cameraProblem(error) {
    close();
    const refused = error && (error.name === "NotAllowedError" || error.name === "SecurityError");
    say(problemText, error?.message === "the decoder did not load"
      ? `The card reader did not load. Try again in a moment. Or ${instead.charAt(0).toLowerCase()}${instead.slice(1)}.`
      : refused
      ? `The camera is not allowed on this tablet. ${instead}, or ask your teacher.`
      : `We can't find a camera that works on this tablet. ${instead}, or ask your teacher.`);
    problem.hidden = false;
  }

  function look(now) {
    if (!stream) return;
    frame = requestAnimationFrame(look);
    if (now - lastLook < everyMs || video.readyState < video.HAVE_CURRENT_DATA || !video.videoWidth) return;
    lastLook = now;
    const scale = Math.min(1, widest / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    if (!code || !code.data) return;
    const path = cardPath(code.data);
    if (!path) { showNote(notACard); return; }
    showNote("Found your card!");
    stopCamera();
    window.location.assign(path);
  }

  async function start() {
    problem.hidden = true;
    startLine.hidden = true;
    panel.hidden = false;
    // The whole panel in view, Stop included, even on a phone held upright.
    panel.scrollIntoView({ block: "start" });
    stopButton.focus({ preventScroll: true });
    const mine = ++attempt;
    let camera;
    try {
      // The camera on the back of the tablet where there is one (the child holds the card up to the back), else any camera.
      const asked = navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      const loaded = loadDecoder();
      try { await loaded; } catch (error) { asked.then((c) => c.getTracks().forEach((track) => track.stop()), () => {}); throw error; }
      camera = await asked;
    } catch (error) {
      if (mine === attempt) cameraProblem(error);
      return;
    }
    if (mine !== attempt) { camera.getTracks().forEach((track) => track.stop()); return; } // Stop was pressed while the tablet asked
    stream = camera;
    video.srcObject = camera;
    video.play().catch(() => { /* frames still arrive for drawing; a paused picture only looks stuck */ });
    frame = requestAnimationFrame(look);
  }

  startButton.addEventListener("click", start);
  stopButton.addEventListener("click", () => close());
  panel.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });
  // Leaving the page, or the tablet going to sleep, always switches the camera off.
  window.addEventListener("pagehide", () => close({ focus: false }));
  document.addEventListener("visibilitychange", () => { if (document.hidden && !panel.hidden) close({ focus: false }); });
  root.hidden = false;
});
