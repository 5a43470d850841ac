package org.citymaas.security.audit.control;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.citymaas.security.audit.entity.AuditException;

/**
 * One of the platform's Ed25519 key pairs, kept in a directory outside the database as two files named
 * for the key: {@code <name>.key} (PKCS#8 PEM, owner read/write only) and {@code <name>.pub} (X.509 PEM,
 * the key to publish). The audit checkpoints' key is {@code audit-signing} ({@link #loadOrCreate(Path)});
 * other keys, such as the finance exports' {@code export-signing}, live beside it under their own names.
 * Created at first start when missing; every portal instance must see the same directory (a shared
 * volume or a mounted secret), else each signs with its own key. Every public key a name ever had is
 * also kept as {@code <name>-<keyid>.pub} ({@link #rotate} replaces the pair, {@link KeyRing#history}
 * reads them back), so that what an older key signed still verifies after a rotation.
 */
public final class SigningKey {

    /** The name of the audit checkpoints' key. */
    public static final String AUDIT_KEY_NAME = "audit-signing";

    public static final String PRIVATE_KEY_FILE = AUDIT_KEY_NAME + ".key";
    public static final String PUBLIC_KEY_FILE = AUDIT_KEY_NAME + ".pub";

    private static final Pattern KEY_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** Loads the audit key pair from {@code directory}, creating it first if it is not there. */
    public static SigningKey loadOrCreate(Path directory) {
        return loadOrCreate(directory, AUDIT_KEY_NAME);
    }

    /**
     * Loads the key pair {@code name} ({@code <name>.key} and {@code <name>.pub}) from {@code directory},
     * creating it first if it is not there.
     *
     * @param name lowercase letters, digits and '-', such as {@code export-signing}
     */
    public static SigningKey loadOrCreate(Path directory, String name) {
        checkName(name);
        try {
            // a complete pair is read without the lock and without writing: the directory may be a
            // read-only mount (a Kubernetes Secret) that holds the pair made once elsewhere
            var complete = loadIfComplete(directory, name);
            if (complete != null) {
                return complete;
            }
            if (Files.isDirectory(directory) && !writable(directory)) {
                throw new AuditException("the key directory " + directory + " is read-only and holds no matching "
                        + name + ".key and " + name + ".pub: create the pair once in a writable directory and"
                        + " mount that (docker/README.md)");
            }
            Files.createDirectories(directory);
            // instances starting together must not each create a different key
            try (var lockFile = FileChannel.open(
                            directory.resolve("." + name + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    var lock = lockFile.lock()) {
                if (!Files.exists(directory.resolve(name + ".key"))) {
                    return create(directory, name);
                }
                var signer = load(directory, name);
                archive(directory, name, signer.publicKey);
                return signer;
            }
        } catch (IOException e) {
            throw new AuditException("could not load or create the signing key " + name + " in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new AuditException("the signing key " + name + " in " + directory + " is unusable", e);
        }
    }

    /**
     * Replaces the key pair {@code name} in {@code directory} by a new one and returns it. The old
     * private key is overwritten; every public key stays in the directory as {@code
     * <name>-<keyid>.pub} (see {@link KeyRing#history}), so that what the old key signed still verifies.
     */
    public static SigningKey rotate(Path directory, String name) {
        checkName(name);
        try {
            Files.createDirectories(directory);
            try (var lockFile = FileChannel.open(
                            directory.resolve("." + name + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    var lock = lockFile.lock()) {
                if (Files.exists(directory.resolve(name + ".key"))) {
                    archive(directory, name, load(directory, name).publicKey);
                }
                return create(directory, name);
            }
        } catch (IOException e) {
            throw new AuditException("could not rotate the signing key " + name + " in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new AuditException("the signing key " + name + " in " + directory + " is unusable", e);
        }
    }

    private static SigningKey create(Path directory, String name) throws IOException, GeneralSecurityException {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // the history file first: a private key is never on disk without its public key beside it, so
        // a crash between the two replacements below is repaired by load()
        archive(directory, name, pair.getPublic());
        write(
                directory.resolve(name + ".key"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                true,
                name);
        write(
                directory.resolve(name + ".pub"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                false,
                name);
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /**
     * The pair when both files are there, belong together and need nothing written: their history file
     * is there too, or the directory cannot be written (the current public key is then the history's
     * newest entry all the same). Null when anything is missing or the files disagree: the caller then
     * takes the lock and repairs or creates.
     */
    private static SigningKey loadIfComplete(Path directory, String name) throws IOException, GeneralSecurityException {
        var privateFile = directory.resolve(name + ".key");
        var publicFile = directory.resolve(name + ".pub");
        if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
            return null;
        }
        var privateKey =
                KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
        var signer = new SigningKey(privateKey, readPublicKey(publicFile));
        if (!signer.pairs()) {
            return null;
        }
        var history = directory.resolve(name + "-" + signer.keyId + ".pub");
        return Files.exists(history) || !writable(directory) ? signer : null;
    }

    /** Whether files can be made in {@code directory}: not on a read-only mount or file system. */
    private static boolean writable(Path directory) {
        return !directory.getFileSystem().isReadOnly() && Files.isWritable(directory);
    }

    private static SigningKey load(Path directory, String name) throws IOException, GeneralSecurityException {
        var privateKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(readPem(directory.resolve(name + ".key"))));
        var publicFile = directory.resolve(name + ".pub");
        if (Files.exists(publicFile)) {
            var signer = new SigningKey(privateKey, readPublicKey(publicFile));
            if (signer.pairs()) {
                return signer;
            }
        }
        // a rotation stopped between writing the private and the public key: its public key is in the history
        for (var id : KeyRing.history(directory, name).keyIds()) {
            var candidate = new SigningKey(privateKey, readPublicKey(directory.resolve(name + "-" + id + ".pub")));
            if (candidate.pairs()) {
                write(publicFile, candidate.publicKeyPem(), false, name);
                return candidate;
            }
        }
        throw new AuditException("the signing key files " + name + ".key and " + name + ".pub do not belong together");
    }

    private static void archive(Path directory, String name, PublicKey key) throws IOException {
        var file = directory.resolve(name + "-" + keyId(key) + ".pub");
        if (!Files.exists(file)) {
            write(file, publicKeyPem(key), false, name);
        }
    }

    private static void checkName(String name) {
        if (name == null || !KEY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a signing key's name is lowercase letters, digits and '-' (such as export-signing), not " + name);
        }
    }

    /** A key pair held in memory only (tests, tools). */
    public static SigningKey of(KeyPair pair) {
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Lowercase hex SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    /** The public key as PEM text, the form to publish. */
    public String publicKeyPem() {
        return publicKeyPem(publicKey);
    }

    /** A public key as PEM text. */
    public static String publicKeyPem(PublicKey publicKey) {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Base64 Ed25519 signature of {@code data}. */
    public String sign(byte[] data) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new AuditException("could not sign", e);
        }
    }

    /** Whether {@code signatureBase64} is {@code publicKey}'s Ed25519 signature of {@code data}. */
    public static boolean verify(PublicKey publicKey, byte[] data, String signatureBase64) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(data);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Lowercase hex SHA-256 of a public key's X.509 encoding. */
    public static String keyId(PublicKey publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Reads an Ed25519 public key from a PEM file. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        return parsePublicKey(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Parses an Ed25519 public key from PEM text. */
    public static PublicKey parsePublicKey(String pemText) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(decodePem(pemText)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AuditException("not an Ed25519 public key in PEM form", e);
        }
    }

    private boolean pairs() {
        byte[] probe = "citymaas-audit-key-check".getBytes(StandardCharsets.US_ASCII);
        return verify(publicKey, probe, sign(probe));
    }

    private static String pem(String type, byte[] der) {
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + type + "-----\n" + base64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        return decodePem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static byte[] decodePem(String text) {
        var body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void write(Path target, String content, boolean secret, String name) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        var temp = posix
                ? Files.createTempFile(
                        target.getParent(),
                        "." + name + "-",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")))
                : Files.createTempFile(target.getParent(), "." + name + "-", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
