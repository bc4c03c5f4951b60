package dev.medspa.benchmark;

import java.util.List;

/**
 * A horizontal bar per figure with a floor: its ratio to that floor on a logarithmic axis
 * from 0.01 to 1000, green where its target was met, red where not, grey without a
 * target. Figures without a floor are listed with their value.
 */
final class RatioChart {

	private static final int LABEL_WIDTH = 640;

	private static final int PLOT_WIDTH = 420;

	private static final int ROW = 20;

	private static final double MIN_DECADE = -2;

	private static final double MAX_DECADE = 3;

	private final List<Figure> figures;

	RatioChart(List<Figure> figures) {
		this.figures = figures;
	}

	String svg() {
		int height = 60 + ROW * this.figures.size();
		int width = LABEL_WIDTH + PLOT_WIDTH + 140;
		StringBuilder svg = new StringBuilder();
		svg.append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n"
					.formatted(width, height));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(
				"<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Each figure as a ratio to its floor, measured in the same run (log scale)</text>\n");
		for (int decade = (int) MIN_DECADE; decade <= MAX_DECADE; decade++) {
			double x = x(Math.pow(10, decade));
			svg.append("<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n".formatted(x, x,
					height - 10));
			svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>\n".formatted(x, 42,
					Report.number(Math.pow(10, decade))));
		}
		double one = x(1);
		svg.append("<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>\n".formatted(one, one,
				height - 10));
		int y = 50;
		for (Figure figure : this.figures) {
			svg.append("<text x=\"10\" y=\"%d\">%s</text>\n".formatted(y + 14, escape(figure.name())));
			double ratio = figure.ratio();
			if (!Double.isNaN(ratio) && ratio > 0) {
				double from = x(Math.min(1, ratio));
				double to = x(Math.max(1, ratio));
				svg.append("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n".formatted(from,
						y + 4, Math.max(1, to - from), ROW - 6, colour(figure)));
				svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(LABEL_WIDTH + PLOT_WIDTH + 10, y + 14,
						escape("x%.2f  %s".formatted(ratio, figure.verdict()))));
			}
			else {
				svg.append("<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n".formatted(LABEL_WIDTH, y + 14,
						colour(figure), escape(Report.number(figure.value()) + " " + figure.unit() + "  "
								+ figure.target() + "  " + figure.verdict())));
			}
			y += ROW;
		}
		return svg.append("</svg>\n").toString();
	}

	private static double x(double ratio) {
		double decade = Math.log10(Math.max(Math.pow(10, MIN_DECADE), Math.min(ratio, Math.pow(10, MAX_DECADE))));
		return LABEL_WIDTH + (decade - MIN_DECADE) / (MAX_DECADE - MIN_DECADE) * PLOT_WIDTH;
	}

	private static String colour(Figure figure) {
		return figure.met() == null ? "#999" : figure.met() ? "#2e7d32" : "#c62828";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
