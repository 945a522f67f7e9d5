package dev.timbre.convai.knowledgebase.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * EPUB (a zip of XHTML) → text: entries are read with {@link ZipInputStream}, at most {@code maxZipEntries} of them
 * and {@code maxZipBytes} decompressed in all (counted as they inflate, so a zip bomb stops at the bound). The
 * chapters are taken in the order of the package's spine ({@code META-INF/container.xml} → OPF), else in zip order;
 * each through {@link HtmlText}.
 */
final class EpubText {
    private EpubText() {}

    static Extracted extract(byte[] data, ExtractionLimits limits) throws ExtractionException {
        Map<String, byte[]> entries = unzip(data, limits);
        List<String> order = spine(entries);
        if (order.isEmpty()) {
            entries.keySet().stream().filter(EpubText::isHtml).forEach(order::add);
        }
        if (order.isEmpty()) throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The EPUB has no XHTML chapters");
        TextBuilder out = new TextBuilder(limits.maxChars());
        for (String name : order) {
            byte[] chapter = entries.get(name);
            if (chapter == null) continue;
            try {
                out.plain(HtmlText.extract(new String(chapter, StandardCharsets.UTF_8), limits.maxChars()).text());
            } catch (ExtractionException e) {
                if (e.kind() != ExtractionException.Kind.EMPTY) throw e;
            }
        }
        return out.build(title(entries));
    }

    private static boolean isHtml(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xhtml") || n.endsWith(".html") || n.endsWith(".htm");
    }

    /** The entries worth reading (XHTML, OPF, container.xml), within the bounds. */
    private static Map<String, byte[]> unzip(byte[] data, ExtractionLimits limits) throws ExtractionException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++count > limits.maxZipEntries()) throw tooLarge("The EPUB has more than " + limits.maxZipEntries() + " entries");
                String name = e.getName();
                if (e.isDirectory() || !(isHtml(name) || name.toLowerCase(java.util.Locale.ROOT).endsWith(".opf")
                        || name.equals("META-INF/container.xml"))) continue;
                byte[] content = readBounded(zip, limits.maxZipBytes() - total);
                total += content.length;
                out.put(name, content);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The file is not a readable EPUB (zip) archive");
        }
        if (count == 0) throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The file is not a readable EPUB (zip) archive");
        return out;
    }

    private static byte[] readBounded(InputStream in, long left) throws IOException, ExtractionException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
        if (content.length > left) throw tooLarge("The EPUB expands to more than the limit of decompressed bytes");
        return content;
    }

    private static ExtractionException tooLarge(String message) {
        return new ExtractionException(ExtractionException.Kind.TOO_LARGE, message);
    }

    /** Chapter entry names in spine order; empty when the package document cannot be found. */
    private static List<String> spine(Map<String, byte[]> entries) {
        List<String> order = new ArrayList<>();
        byte[] container = entries.get("META-INF/container.xml");
        if (container == null) return order;
        Element root = xml(container).selectFirst("rootfile[full-path]");
        if (root == null) return order;
        String opfPath = root.attr("full-path");
        byte[] opf = entries.get(opfPath);
        if (opf == null) return order;
        String base = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
        Document pkg = xml(opf);
        Map<String, String> manifest = new LinkedHashMap<>();
        for (Element item : pkg.select("manifest > item")) manifest.put(item.attr("id"), item.attr("href"));
        for (Element ref : pkg.select("spine > itemref")) {
            String href = manifest.get(ref.attr("idref"));
            if (href != null) order.add(base + URLDecoder.decode(href, StandardCharsets.UTF_8));
        }
        return order;
    }

    private static String title(Map<String, byte[]> entries) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".opf")) continue;
            Element t = xml(e.getValue()).selectFirst("metadata > *|title, metadata > title");
            if (t != null) return t.text();
        }
        return null;
    }

    private static Document xml(byte[] data) {
        return Jsoup.parse(new String(data, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
