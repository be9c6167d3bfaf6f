// StopThinkClick: Reception mode (issue 16.5). Kept apart from site.js, which it only calls.
// A page reads itself aloud when it opens if the pupil's setting says so (on by default for
// Reception and Year 1): the child hears the question before they have to find "Read to me".
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  if (document.body.dataset.readOnArrival !== "true" || !window.StopThinkClick) return;
  // The page's own "Read to me" (not an option's small hear button): it says what the content says.
  const button = document.querySelector("main .read-aloud[data-read]:not(.hear)");
  const target = button && document.querySelector(button.dataset.read);
  if (target && !button.hidden) window.StopThinkClick.ReadAloud.read(button, target);
});
