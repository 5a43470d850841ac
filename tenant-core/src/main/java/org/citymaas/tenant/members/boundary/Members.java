package org.citymaas.tenant.members.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.citymaas.tenant.members.entity.Member;

/** The members of the current department (the tenant of the request). */
@ApplicationScoped
@Transactional
public class Members {

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    public Member add(Member member) {
        em.persist(member);
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Member> list() {
        return em.createQuery("SELECT m FROM Member m ORDER BY m.username", Member.class)
                .getResultList();
    }
}
