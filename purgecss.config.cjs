// purgecss keeps only the selectors that appear in the portal's templates and Python code
// (form widgets' classes, crispy-forms' Bootstrap 5 templates). Run by `make css`.
const crispy = require("node:child_process")
  .execFileSync(".venv/bin/python", ["-c",
    "import crispy_bootstrap5, pathlib; print(pathlib.Path(crispy_bootstrap5.__file__).parent)"])
  .toString().trim();

module.exports = {
  content: [
    "templates/**/*.html",
    "clinic/**/*.py",
    "education/**/*.py",
    "patients/**/*.py",
    `${crispy}/templates/**/*.html`,
  ],
  css: [".build/portal-bootstrap.css"],
  output: "static/build/",
  // Custom properties that nothing uses are dropped too; keyframes only if an animation is.
  variables: true,
  keyframes: true,
  fontFace: true,
  safelist: {
    // Classes a template builds from a value ("alert-{{ level }}", "text-bg-…").
    greedy: [/^alert-/, /^text-bg-/, /^badge/],
    standard: ["html", "body", ":root", "[data-bs-theme=dark]"],
  },
};
