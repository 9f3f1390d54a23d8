package io.chainretail.hq.csv;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.jdbc.BulkSql;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports members from CSV in one transaction, all rows checked first; unchanged members publish nothing. HQ's
 * members are read as phones (for uniqueness) and, for the comparison, a thousand at a time.
 */
@ApplicationScoped
public class MemberImport {

    public static final List<String> REQUIRED = List.of("card_no", "name", "tier");
    public static final List<String> OPTIONAL = List.of("phone", "points_balance", "offline_redeem_limit", "active");

    private final FeedOutbox outbox;
    private final BulkSql sql;

    public MemberImport(FeedOutbox outbox, EntityManager entities) {
        this.outbox = outbox;
        this.sql = new BulkSql(entities);
    }

    /** How many of the file's members are compared with HQ's at a time. */
    private static final int CHUNK = 1_000;

    @Transactional
    @TransactionConfiguration(timeout = CsvImports.TIMEOUT_SECONDS)
    public ImportResult importCsv(Reader csv) throws IOException {
        long started = System.nanoTime();
        CsvTable table = CsvTable.read(csv, REQUIRED, OPTIONAL);
        CsvProblems problems = table.problems();
        Set<String> tiers = new HashSet<>(sql.column("select code from member_tier"));
        Map<String, Integer> cardLines = new HashMap<>();
        List<MemberChange> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvTable.Line line : table.lines()) {
            MemberChange member = problems.collect(line.number(), () -> parse(line));
            if (member == null) {
                continue;
            }
            Integer earlier = cardLines.putIfAbsent(member.cardNo(), line.number());
            if (earlier != null) {
                problems.add(line.number(), "card_no", "card " + member.cardNo() + " is also on line " + earlier);
            } else if (!tiers.contains(member.tier())) {
                problems.add(line.number(), "tier", "there is no member tier '" + member.tier() + "'");
            } else {
                rows.add(member);
                lines.add(line.number());
            }
        }
        // Phones of members not in the file, read as keys only: a phone of a member in the file is the file's.
        Map<String, String> phoneOwners = new HashMap<>();
        sql.eachRow("select phone, card_no from member where phone is not null", row -> {
            if (!cardLines.containsKey(row.getString(2))) {
                phoneOwners.put(row.getString(1), row.getString(2));
            }
        });
        for (int i = 0; i < rows.size(); i++) {
            MemberChange member = rows.get(i);
            String owner = member.phone() == null ? null : phoneOwners.putIfAbsent(member.phone(), member.cardNo());
            if (owner != null && !owner.equals(member.cardNo())) {
                problems.add(lines.get(i), "phone", "phone " + member.phone() + " already belongs to card " + owner);
            }
        }
        problems.refuseIfAny();

        List<MemberChange> changed = new ArrayList<>();
        List<MemberChange> updates = new ArrayList<>();
        List<MemberChange> inserts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<MemberChange> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Map<String, MemberChange> members = existing(chunk.stream().map(MemberChange::cardNo).toList());
            for (MemberChange member : chunk) {
                MemberChange current = members.get(member.cardNo());
                if (!member.equals(current)) {
                    changed.add(member);
                    (current == null ? inserts : updates).add(member);
                }
            }
        }
        write(updates, inserts);
        outbox.appendAll(changed);
        return new ImportResult(rows.size(), changed.size(), changed.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static MemberChange parse(CsvTable.Line line) {
        Long points = line.number("points_balance");
        Long limit = line.number("offline_redeem_limit");
        MemberChange member = new MemberChange(line.get("card_no"), line.get("phone"), line.get("name"),
                line.get("tier"), points == null ? 0 : points, limit == null ? 0 : limit, line.flag("active", true));
        Fields.require(member.pointsBalance() >= 0, "pointsBalance",
                "must not be negative");
        return member;
    }

    /** HQ's members of these cards. */
    private Map<String, MemberChange> existing(List<String> cards) {
        Map<String, MemberChange> members = new HashMap<>();
        for (Object[] row : sql.rowsMatching("select card_no, phone, name, tier, points_balance, "
                + "offline_redeem_limit, active from member where card_no = any(?)", cards)) {
            MemberChange member = new MemberChange((String) row[0], (String) row[1], (String) row[2],
                    (String) row[3], ((Number) row[4]).longValue(), ((Number) row[5]).longValue(), (Boolean) row[6]);
            members.put(member.cardNo(), member);
        }
        return members;
    }

    private void write(List<MemberChange> updates, List<MemberChange> inserts) {
        Timestamp now = Timestamp.from(Instant.now());
        sql.run("update member set phone = null where card_no = ?", updates, (s, m) -> s.setString(1, m.cardNo()));
        String columns = "phone = ?, name = ?, tier = ?, points_balance = ?, offline_redeem_limit = ?, active = ?, "
                + "updated_at = ?";
        sql.run("update member set " + columns + " where card_no = ?", updates, (s, m) -> bind(s, m, now));
        sql.run("insert into member (phone, name, tier, points_balance, offline_redeem_limit, active, updated_at, "
                + "card_no) values (?, ?, ?, ?, ?, ?, ?, ?)", inserts, (s, m) -> bind(s, m, now));
    }

    private static void bind(PreparedStatement s, MemberChange m, Timestamp now) throws SQLException {
        BulkSql.text(s, 1, m.phone());
        s.setString(2, m.name());
        s.setString(3, m.tier());
        s.setLong(4, m.pointsBalance());
        s.setLong(5, m.offlineRedeemLimit());
        s.setBoolean(6, m.active());
        s.setTimestamp(7, now);
        s.setString(8, m.cardNo());
    }
}
