package org.arborlab.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;

/**
 * Surrogate ids from one table generator: IDENTITY columns break EclipseLink on H2 2.x, and a table generator
 * is safe when several instances share one MySQL database (it reserves blocks with a row lock). Blocks of 500
 * ids: every reservation makes the inserts of all requests wait for one round trip to the database, and a busy
 * session inserts a page completion per page (ids are never shown to anyone; gaps do not matter).
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    @TableGenerator(name = "arbor_ids", table = "arbor_id_block", pkColumnName = "name",
            valueColumnName = "next_block", pkColumnValue = "arbor", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "arbor_ids")
    private Long id;

    public Long getId() {
        return id;
    }
}
