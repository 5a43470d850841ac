package org.citymaas.billing.documents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.billing.documents.control.StatementPdfSamples.mixedLines;
import static org.citymaas.billing.documents.control.StatementPdfSamples.statement;
import static org.citymaas.billing.documents.control.StatementPdfSamples.transportBureau;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.junit.jupiter.api.Test;

/**
 * Renders page 1 of a draft to an image, as a reader's viewer would, and keeps the PDF and a PNG under
 * target/statement-pdf for a person to look at.
 */
class StatementPdfPageImageTest {

    @Test
    void firstPageRendersAsAnA4ImageWithTextOnIt() throws IOException {
        var bytes = new StatementPdf()
                .render(statement(transportBureau(), StatementStatus.DRAFT, null, mixedLines(), null));
        var out = Files.createDirectories(Path.of("target", "statement-pdf"));
        Files.write(out.resolve("statement-draft.pdf"), bytes);

        try (var document = Loader.loadPDF(bytes)) {
            var image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", out.resolve("statement-draft-page1.png").toFile());

            assertThat(image.getWidth()).isBetween(905, 912);
            assertThat(image.getHeight()).isBetween(1282, 1289);
            var dark = 0;
            for (var y = 60; y < 120; y++) {
                for (var x = 60; x < 400; x++) {
                    if ((image.getRGB(x, y) & 0xFF) < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("dark pixels of the title").isGreaterThan(500);
        }
    }
}
