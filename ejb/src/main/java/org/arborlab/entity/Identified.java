package org.arborlab.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;

/**
 * Surrogate ids from one table generator: IDENTITY columns break EclipseLink on H2 2.x, and a table generator
 * is safe when several instances share one MySQL database (it reserves blocks with a row lock).
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    @TableGenerator(name = "arbor_ids", table = "arbor_id_block", pkColumnName = "name",
            valueColumnName = "next_block", pkColumnValue = "arbor", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "arbor_ids")
    private Long id;

    public Long getId() {
        return id;
    }
}
