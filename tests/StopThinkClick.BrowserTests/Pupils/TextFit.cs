namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>
/// Finds text that does not fit: the page scrolls sideways, a line of text sticks out of a box
/// that clips it, or a box's border runs through it (a legend that wraps onto the fieldset's top
/// border, a card too narrow for a long name). Each text node's own rectangle is compared with
/// the inner edge (inside the border) of every bordered or clipping box around it; a legend still
/// drawn on its fieldset's border must fit on one line.
/// </summary>
public static class TextFit
{
    public const string Script = """
        () => {
          const out = [];
          const doc = document.scrollingElement;
          if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
          // A legend drawn on its fieldset's top border: when it wraps (or holds a picture) the border runs through it.
          for (const legend of document.querySelectorAll('fieldset > legend')) {
            const fs = getComputedStyle(legend.parentElement);
            if (getComputedStyle(legend).float !== 'none' || parseFloat(fs.borderTopWidth) === 0 || fs.borderTopStyle === 'none') continue;
            const range = document.createRange();
            range.selectNodeContents(legend);
            const lines = new Set([...range.getClientRects()].filter(r => r.height > 0).map(r => Math.round(r.top)));
            if (lines.size > 1 && legend.getClientRects().length > 0) out.push(`legend "${legend.innerText.trim().slice(0, 40)}" is more than one line high, so its fieldset's border runs through it`);
          }
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const seen = new Set();
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (!node.textContent.trim()) continue;
            const el = node.parentElement;
            if (!el || el.closest('.visually-hidden, .skip-link, script, style, [hidden]')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              if (r.width === 0 || r.height === 0) continue;
              for (let box = el; box && box !== document.body; box = box.parentElement) {
                const s = getComputedStyle(box);
                const bordered = ['Top','Right','Bottom','Left'].some(k => parseFloat(s[`border${k}Width`]) > 0 && s[`border${k}Style`] !== 'none');
                const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible';
                if (!bordered && !clips) continue;
                const b = box.getBoundingClientRect();
                const inner = { left: b.left + parseFloat(s.borderLeftWidth), right: b.right - parseFloat(s.borderRightWidth),
                                top: b.top + parseFloat(s.borderTopWidth), bottom: b.bottom - parseFloat(s.borderBottomWidth) };
                const t = 1.5;
                if (r.left < inner.left - t || r.right > inner.right + t || r.top < inner.top - t || r.bottom > inner.bottom + t) {
                  const key = el.tagName + node.textContent.trim().slice(0, 30);
                  if (!seen.has(key)) { seen.add(key); out.push(`"${node.textContent.trim().slice(0, 40)}" (${el.tagName.toLowerCase()}.${el.className}) is cut by ${box.tagName.toLowerCase()}.${box.className}`); }
                  break;
                }
              }
            }
          }
          return out;
        }
        """;
}
