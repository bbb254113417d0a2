package io.pilotwatch.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, for error messages; reads only the end of big files. */
final class LogTail {

    static final int LINES = 40;
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** A block naming the file followed by its last {@link #LINES} lines, ready to append to a message. */
    static String describe(Path file) {
        List<String> lines = lastLines(file, LINES);
        if (lines.isEmpty()) {
            return "\n" + file + " is empty or missing.";
        }
        return "\nLast " + lines.size() + " lines of " + file + ":\n" + String.join("\n", lines);
    }

    static List<String> lastLines(Path file, int count) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading: a channel may return fewer bytes than asked for
            }
            // Decoding replaces a multi-byte character cut at the start instead of failing.
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\r?\n"));
            if (size > length && lines.size() > 1) {
                lines = lines.subList(1, lines.size()); // the first line is cut
            }
            if (lines.size() == 1 && lines.get(0).isEmpty()) {
                return List.of();
            }
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read log file " + file, e);
        }
    }
}
