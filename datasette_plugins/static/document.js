/* The document page: a chain picture wider than its frame opens scrolled to the document itself. */
document.querySelectorAll(".dd-graph").forEach(function (frame) {
  var root = frame.querySelector("g.root");
  if (!root || frame.scrollWidth <= frame.clientWidth) return;
  var box = root.getBoundingClientRect(), outer = frame.getBoundingClientRect();
  frame.scrollLeft += box.left + box.width / 2 - (outer.left + outer.width / 2);
});
