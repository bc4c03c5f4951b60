package dev.medspa.catalog.practitioner;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PractitionerRepository extends MongoRepository<Practitioner, String> {

}
