package org.leukemia.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;

/**
 * The persistence context of the current transaction, for work too large to keep whole in it:
 * a long upload writes its rows in chunks and clears the context between them, so that memory
 * stays bounded while the transaction, and so the all-or-nothing rule, spans every chunk.
 */
@ApplicationScoped
public class UnitOfWork {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected UnitOfWork() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public UnitOfWork(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * Writes what is pending to the database, still inside the transaction, so that a refusal
     * (a concurrent change of the same row, say) is met here rather than at commit.
     */
    public void flush() {
        em.flush();
    }

    /**
     * Writes what is pending to the database (still inside the transaction) and detaches every
     * entity; entities used afterwards must be found again.
     */
    public void flushAndClear() {
        em.flush();
        em.clear();
    }

    /**
     * The managed instance of an entity, found again after {@link #flushAndClear()}.
     *
     * @param type the entity class
     * @param id its id
     * @return the managed instance
     * @throws IllegalStateException when it no longer exists
     */
    public <T> T reload(Class<T> type, Object id) {
        T found = em.find(type, id);
        if (found == null) {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " vanished");
        }
        return found;
    }
}
