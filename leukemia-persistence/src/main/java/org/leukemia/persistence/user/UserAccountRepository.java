package org.leukemia.persistence.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Stores and finds {@link UserAccount}s; callers provide the transaction. */
@ApplicationScoped
public class UserAccountRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected UserAccountRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public UserAccountRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** The account with exactly this username, enabled or not. */
    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery(
                        "select u from UserAccount u where u.username = :username",
                        UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /**
     * The account with exactly this username, its row locked until the transaction ends, so
     * that concurrent sign-ins on any server count their failures one after the other.
     */
    public Optional<UserAccount> findByUsernameForUpdate(String username) {
        return em.createQuery(
                        "select u from UserAccount u where u.username = :username",
                        UserAccount.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Number of enabled accounts that hold {@code role}, their rows locked until the
     * transaction ends: two administrators who each take the role, or the account, from the
     * other at the same moment are counted one after the other, so that one of them sees
     * the other's change and the last administrator is never lost.
     */
    public long countEnabledWithRoleForUpdate(Role role) {
        return em.createQuery("select u from UserAccount u join u.roles r"
                        + " where r = :role and u.enabled = true", UserAccount.class)
                .setParameter("role", Objects.requireNonNull(role, "role"))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size();
    }

    /** The account with this id. */
    public Optional<UserAccount> findById(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    /** Number of accounts, enabled or not. */
    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class)
                .getSingleResult();
    }

    /** All accounts ordered by username. */
    public List<UserAccount> findAll() {
        return em.createQuery("select u from UserAccount u order by u.username",
                        UserAccount.class)
                .getResultList();
    }

    /** Stores a new account; a taken username fails at flush or commit. */
    public void add(UserAccount account) {
        em.persist(Objects.requireNonNull(account, "account"));
    }
}
