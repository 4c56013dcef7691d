#!/usr/bin/env python3
"""Replica-theory figures of Baldassi, Malatesta & Zecchina, PRL 123, 170602 (2019), computed by robens.

  Fig. 1: Franz-Parisi entropy vs distance from a typical solution
          (left: binary weights, alpha = 0.6, raw; right: spherical, alpha = 1, normalised to alpha = 0).
  Fig. 2: large-deviation entropy F_LD/y (y -> infinity) vs q1, normalised to alpha = 0
          (left: binary, right: spherical), sign (blue) vs ReLU (red) at several alpha.

Usage:  /usr/bin/python3 experiments/theory/plot_theory.py ROBENS_BINARY [OUTPUT_DIR]
        (OUTPUT_DIR defaults to experiments/results/theory next to this script's parent.)
Writes fig1_franz_parisi.png, fig2_large_deviation.png and the CSV files they are drawn from.
"""
import csv
import io
import pathlib
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLORS = {"sign": "tab:blue", "relu": "tab:red"}


def run_curve(robens, args, out_dir, name):
    """Runs `robens theory ARGS`, saves the CSV (with its '#' metadata line) and returns (header, rows)."""
    text = subprocess.run([robens, "theory", *args], check=True, capture_output=True, text=True).stdout
    (out_dir / f"{name}.csv").write_text(text)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    meta = [line for line in text.splitlines() if line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    return meta, rows


def column(rows, key):
    return [float(r[key]) for r in rows]


def figure_franz_parisi(robens, out_dir):
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for act in ("sign", "relu"):
        meta, rows = run_curve(robens, ["franz-parisi", "--weights", "binary", "--activation", act, "--alpha", "0.6",
                                        "--d-min", "0.003", "--d-max", "0.3", "--points", "50"],
                               out_dir, f"fp_binary_{act}_alpha0.6")
        dstar = meta[0].split("d_star=")[1].split()[0]
        left.plot(column(rows, "d"), column(rows, "F_FP"), color=COLORS[act], label=f"{act} (d* = {dstar})")
        meta, rows = run_curve(robens, ["franz-parisi", "--weights", "spherical", "--activation", act, "--alpha", "1",
                                        "--d-min", "0.005", "--d-max", "0.27", "--points", "50"],  # ReLU: (1 - q_ref)/2 = 0.274
                               out_dir, f"fp_spherical_{act}_alpha1")
        right.plot(column(rows, "d"), column(rows, "F_FP_normalised"), color=COLORS[act], label=act)
    left.axhline(0.0, color="gray", lw=0.8)
    left.set(xlabel="d = (1 - S)/2", ylabel=r"$\mathcal{F}_{FP}$", title=r"binary weights, $\alpha$ = 0.6, K $\to\infty$")
    right.set(xlabel="d = (1 - S)/2", ylabel=r"$\mathcal{F}_{FP} - \frac{1}{2}\ln(1-S^2)$",
              title=r"spherical weights, $\alpha$ = 1 (normalised to $\alpha$ = 0)")
    for ax in (left, right):
        ax.legend()
        ax.grid(alpha=0.3)
    fig.suptitle("Franz-Parisi entropy around a typical solution (PRL 2019 Fig. 1), robens theory franz-parisi")
    fig.tight_layout()
    fig.savefig(out_dir / "fig1_franz_parisi.png", dpi=150)
    plt.close(fig)


def figure_large_deviation(robens, out_dir):
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for ax, weights, alphas in ((left, "binary", ("0.4", "0.6", "0.85")), (right, "spherical", ("1", "2"))):
        styles = ("-", "--", ":")
        for alpha, style in zip(alphas, styles):
            for act in ("sign", "relu"):
                _, rows = run_curve(robens, ["large-deviation", "--weights", weights, "--activation", act, "--alpha", alpha,
                                             "--q1-min", "0.5", "--q1-max", "0.995", "--points", "50"],
                                    out_dir, f"ld_{weights}_{act}_alpha{alpha}")
                ax.plot(column(rows, "q1"), column(rows, "F_LD_normalised"), color=COLORS[act], ls=style,
                        label=rf"{act}, $\alpha$ = {alpha}")
        ax.axhline(0.0, color="gray", lw=0.8)
        ax.set(xlabel=r"$q_1$", ylabel=r"$\mathcal{F}_{LD}/y - \mathcal{F}_{LD}^{\alpha=0}/y$",
               title=f"{weights} weights, y → ∞, K → ∞")
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle("Large-deviation (local) entropy, normalised to alpha = 0 (PRL 2019 Fig. 2), robens theory large-deviation")
    fig.tight_layout()
    fig.savefig(out_dir / "fig2_large_deviation.png", dpi=150)
    plt.close(fig)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    robens = sys.argv[1]
    default_out = pathlib.Path(__file__).resolve().parents[1] / "results" / "theory"
    out_dir = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else default_out
    out_dir.mkdir(parents=True, exist_ok=True)
    figure_franz_parisi(robens, out_dir)
    figure_large_deviation(robens, out_dir)
    print(f"wrote {out_dir / 'fig1_franz_parisi.png'} and {out_dir / 'fig2_large_deviation.png'}")


if __name__ == "__main__":
    main()
