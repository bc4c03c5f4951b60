package dev.medspa.catalog.treatment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface TreatmentRepository extends MongoRepository<Treatment, String> {

	Optional<Treatment> findBySlug(String slug);

	List<Treatment> findByActiveTrueOrderByName();

}
