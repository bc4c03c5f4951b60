package dev.medspa.catalog.location;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface LocationRepository extends MongoRepository<Location, String> {

	List<Location> findByActiveTrueOrderByName();

}
